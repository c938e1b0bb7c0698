package dev.homestak.actions.internal;

import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.PortForward;
import dev.homestak.actions.SshEndpoint;
import dev.homestak.actions.SshSettings;
import io.vavr.control.Either;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;
import net.schmizz.sshj.connection.channel.direct.LocalPortForwarder;
import net.schmizz.sshj.connection.channel.direct.Parameters;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AuthMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ssh -L} on sshj through a chain of jump hosts: each hop's connection runs inside a {@code direct-tcpip}
 * channel of the previous one; the last hop's {@link LocalPortForwarder} serves a local port on
 * {@code 127.0.0.1}. One forward per call; it lives until closed.
 */
final class SshjForwarder {

    private static final Logger log = LoggerFactory.getLogger(SshjForwarder.class);

    /**
     * The forwards' own sshj configuration: when a forward is closed (or its host goes away) while connections run
     * through it, sshj's stream copiers and transport log the broken pipes as errors; here they are not errors.
     */
    private static final class Quiet {
        static final Config CONFIG = quiet();

        private static Config quiet() {
            net.schmizz.sshj.DefaultConfig config = new net.schmizz.sshj.DefaultConfig();
            config.setLoggerFactory(new net.schmizz.sshj.common.LoggerFactory() {
                @Override
                public Logger getLogger(String name) {
                    return name.startsWith("net.schmizz.sshj.common")
                                    || name.startsWith("net.schmizz.concurrent")
                                    || name.startsWith("net.schmizz.sshj.transport")
                                    || name.startsWith("net.schmizz.sshj.connection")
                            ? org.slf4j.helpers.NOPLogger.NOP_LOGGER
                            : LoggerFactory.getLogger(name);
                }

                @Override
                public Logger getLogger(Class<?> type) {
                    return getLogger(type.getName());
                }
            });
            return config;
        }
    }

    private SshjForwarder() {}

    /**
     * Opens the forward; {@code auth} gives the methods to offer to each hop (the run's agent keys and key files, as
     * for a command).
     */
    static Either<ActionFailure, PortForward> open(
            HostKeyVerifier hostKeys,
            SshSettings settings,
            BiFunction<SSHClient, SshEndpoint, List<AuthMethod>> auth,
            List<SshEndpoint> chain,
            String host,
            int port) {
        Config config = Quiet.CONFIG;
        if (chain.isEmpty()) {
            return Either.left(
                    new ActionFailure.Precondition("no SSH host to forward " + host + ":" + port + " through"));
        }
        List<SSHClient> clients = new ArrayList<>();
        SshEndpoint current = chain.get(0);
        try {
            SSHClient previous = null;
            for (SshEndpoint hop : chain) {
                current = hop;
                SSHClient client = new SSHClient(config);
                client.setConnectTimeout((int) settings.connectTimeout().toMillis());
                client.setSocketFactory(NoDelaySockets.FACTORY);
                client.addHostKeyVerifier(hostKeys);
                clients.add(client);
                if (previous == null) {
                    client.connect(hop.host(), hop.port());
                } else {
                    DirectConnection channel = previous.newDirectConnection(hop.host(), hop.port());
                    client.connectVia(channel);
                }
                List<AuthMethod> methods = auth.apply(client, hop);
                if (methods.isEmpty()) {
                    throw new UserAuthException("no SSH key to offer (no ssh-agent key and no key file)");
                }
                client.auth(hop.user(), methods);
                client.getConnection().getKeepAlive().setKeepAliveInterval(15);
                previous = client;
            }
            ServerSocket local = NoDelaySockets.serverSocket();
            local.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            LocalPortForwarder forwarder = previous.newLocalPortForwarder(
                    new Parameters("127.0.0.1", local.getLocalPort(), host, port), local);
            String what = "127.0.0.1:" + local.getLocalPort() + " -> " + host + ":" + port + " via "
                    + chain.stream().map(SshEndpoint::toString).collect(Collectors.joining(", "));
            // a platform thread, interrupted on close: sshj's accept loop only ends on interruption
            Thread listener = Thread.ofPlatform()
                    .daemon()
                    .name("ssh-forward-" + local.getLocalPort())
                    .start(() -> {
                        try {
                            forwarder.listen();
                        } catch (IOException e) {
                            log.debug("forward {} stopped: {}", what, e.getMessage());
                        }
                    });
            return Either.right(new Forward(local, listener, clients, what));
        } catch (IOException e) {
            closeAll(clients);
            ActionFailure.Ssh.Reason reason = e instanceof UserAuthException
                    ? ActionFailure.Ssh.Reason.AUTH_REFUSED
                    : ActionFailure.Ssh.Reason.UNREACHABLE;
            String detail = e.getMessage() == null
                    ? e.getClass().getSimpleName()
                    : e.getMessage().replaceAll("\\s+", " ").strip();
            return Either.left(new ActionFailure.Ssh(
                    current.toString(), reason, "forwarding " + host + ":" + port + ": " + detail));
        }
    }

    private static void closeAll(List<SSHClient> clients) {
        for (int i = clients.size() - 1; i >= 0; i--) {
            try {
                clients.get(i).close();
            } catch (IOException e) {
                log.debug("closing SSH client: {}", e.getMessage());
            }
        }
    }

    private record Forward(ServerSocket local, Thread listener, List<SSHClient> clients, String what)
            implements PortForward {
        @Override
        public int localPort() {
            return local.getLocalPort();
        }

        @Override
        public String describe() {
            return what;
        }

        @Override
        public void close() {
            listener.interrupt();
            try {
                local.close();
            } catch (IOException e) {
                log.debug("closing forward socket: {}", e.getMessage());
            }
            closeAll(clients);
        }
    }
}
