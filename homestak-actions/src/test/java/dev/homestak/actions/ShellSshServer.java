package dev.homestak.actions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * A real SSH server (Apache MINA) whose exec requests run as real {@code sh -c} processes on this
 * machine, with stdin, stdout and stderr piped through: a stand-in for a nested PVE host where a
 * (fake) {@code tofu} runs. Records every command line it ran.
 */
final class ShellSshServer implements AutoCloseable {

    private final SshServer server;
    private final List<String> commands = new CopyOnWriteArrayList<>();

    ShellSshServer(String address, Path hostKeyFile, PublicKey authorized, Map<String, String> env) throws IOException {
        SimpleGeneratorHostKeyProvider hostKeys = new SimpleGeneratorHostKeyProvider(hostKeyFile);
        hostKeys.setAlgorithm(KeyUtils.EC_ALGORITHM);
        server = SshServer.setUpDefaultServer();
        server.setHost(address);
        server.setPort(0);
        server.setKeyPairProvider(hostKeys);
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setPublickeyAuthenticator(
                (u, key, session) -> u.equals("root") && KeyUtils.compareKeys(key, authorized));
        server.setCommandFactory((channel, command) -> {
            commands.add(command);
            return new Shell(command, env);
        });
        server.start();
    }

    int port() {
        return server.getPort();
    }

    List<String> commands() {
        return List.copyOf(commands);
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /** One {@code sh -c} process per exec request. */
    private static final class Shell implements Command {
        private final String command;
        private final Map<String, String> env;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;
        private Process process;

        Shell(String command, Map<String, String> env) {
            this.command = command;
            this.env = env;
        }

        @Override
        public void setInputStream(InputStream value) {
            in = value;
        }

        @Override
        public void setOutputStream(OutputStream value) {
            out = value;
        }

        @Override
        public void setErrorStream(OutputStream value) {
            err = value;
        }

        @Override
        public void setExitCallback(ExitCallback value) {
            exit = value;
        }

        @Override
        public void start(ChannelSession channel, Environment environment) throws IOException {
            ProcessBuilder pb = new ProcessBuilder("sh", "-c", command);
            pb.environment().putAll(env);
            process = pb.start();
            Thread.ofVirtual().start(() -> pump(in, process.getOutputStream(), true));
            Thread.ofVirtual().start(() -> {
                Thread stderr = Thread.ofVirtual().start(() -> pump(process.getErrorStream(), err, false));
                pump(process.getInputStream(), out, false);
                try {
                    stderr.join();
                    exit.onExit(process.waitFor());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        private static void pump(InputStream from, OutputStream to, boolean closeAfter) {
            try {
                from.transferTo(to);
                to.flush();
                if (closeAfter) {
                    to.close();
                }
            } catch (IOException e) {
                // the other side went away
            }
        }

        @Override
        public void destroy(ChannelSession channel) {
            if (process != null) {
                process.destroyForcibly();
            }
        }
    }
}
