package dev.homestak.actions;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;
import org.apache.sshd.server.forward.ForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * A real SSH server (Apache MINA) on a loopback address: accepts one user's public key, answers exec
 * requests from a script, allows {@code direct-tcpip} forwarding (so it can be a jump host) and
 * records the commands and forwarding requests it saw.
 */
final class TestSshServer implements AutoCloseable {

    /** What a scripted command prints and returns. */
    record Reply(int exit, String stdout, String stderr) {
        static Reply ok(String stdout) {
            return new Reply(0, stdout, "");
        }
    }

    private final SshServer server;
    private final SimpleGeneratorHostKeyProvider hostKeys;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<String> forwards = new CopyOnWriteArrayList<>();

    private TestSshServer(
            String address,
            int port,
            Path hostKeyFile,
            String hostKeyAlgorithm,
            String user,
            PublicKey authorized,
            Function<String, Reply> script)
            throws IOException {
        hostKeys = new SimpleGeneratorHostKeyProvider(hostKeyFile);
        hostKeys.setAlgorithm(hostKeyAlgorithm);
        server = SshServer.setUpDefaultServer();
        server.setHost(address);
        server.setPort(port);
        server.setKeyPairProvider(hostKeys);
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setPublickeyAuthenticator((u, key, session) -> u.equals(user) && KeyUtils.compareKeys(key, authorized));
        server.setForwardingFilter(recordingForwards());
        server.setCommandFactory((channel, command) -> new Scripted(command, script, commands));
        server.start();
    }

    /** Starts a server on {@code address} (port 0 = any free port) with the host key kept in {@code hostKeyFile}. */
    static TestSshServer start(
            String address,
            int port,
            Path hostKeyFile,
            String user,
            PublicKey authorized,
            Function<String, Reply> script)
            throws IOException {
        return start(address, port, hostKeyFile, KeyUtils.EC_ALGORITHM, user, authorized, script);
    }

    /** As above, with a host key of {@code hostKeyAlgorithm} ({@code EC}, {@code RSA}, ...). */
    static TestSshServer start(
            String address,
            int port,
            Path hostKeyFile,
            String hostKeyAlgorithm,
            String user,
            PublicKey authorized,
            Function<String, Reply> script)
            throws IOException {
        return new TestSshServer(address, port, hostKeyFile, hostKeyAlgorithm, user, authorized, script);
    }

    int port() {
        return server.getPort();
    }

    /** Commands received, in order. */
    List<String> commands() {
        return List.copyOf(commands);
    }

    /** {@code host:port} of each forwarding (jump) request received. */
    List<String> forwards() {
        return List.copyOf(forwards);
    }

    /** The host's public key as in a known_hosts line ({@code ecdsa-sha2-nistp256 AAAA...}). */
    String hostKeyEntry() {
        KeyPair pair = hostKeys.loadKeys(null).iterator().next();
        return PublicKeyEntry.toString(pair.getPublic());
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    private ForwardingFilter recordingForwards() {
        return new AcceptAllForwardingFilter() {
            @Override
            public boolean canConnect(Type type, SshdSocketAddress address, Session session) {
                forwards.add(address.getHostName() + ":" + address.getPort());
                return true;
            }
        };
    }

    /** An exec request answered by the script on its own thread (the script may block until destroyed). */
    private static final class Scripted implements Command {
        private final String command;
        private final Function<String, Reply> script;
        private final List<String> log;
        private OutputStream out;
        private OutputStream err;
        private org.apache.sshd.server.ExitCallback exit;
        private Thread worker;

        Scripted(String command, Function<String, Reply> script, List<String> log) {
            this.command = command;
            this.script = script;
            this.log = log;
        }

        @Override
        public void setInputStream(java.io.InputStream in) {}

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(org.apache.sshd.server.ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, org.apache.sshd.server.Environment env) {
            log.add(command);
            worker = Thread.ofVirtual().start(() -> {
                Reply reply = script.apply(command);
                try {
                    out.write(reply.stdout().getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    err.write(reply.stderr().getBytes(StandardCharsets.UTF_8));
                    err.flush();
                } catch (IOException e) {
                    // the client went away
                }
                exit.onExit(reply.exit());
            });
        }

        @Override
        public void destroy(ChannelSession channel) {
            if (worker != null) {
                worker.interrupt();
            }
        }
    }
}
