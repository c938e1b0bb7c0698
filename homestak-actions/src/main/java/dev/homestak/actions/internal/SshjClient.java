package dev.homestak.actions.internal;

import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.CancellationToken;
import dev.homestak.actions.SshClient;
import dev.homestak.actions.SshEndpoint;
import dev.homestak.actions.SshRequest;
import dev.homestak.actions.SshResult;
import dev.homestak.actions.SshSettings;
import io.vavr.control.Either;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.SecurityUtils;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.userauth.UserAuthException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SshClient} on sshj: public-key authentication with the configured keys, jump hosts through a
 * real {@code direct-tcpip} channel ({@link SSHClient#connectVia(DirectConnection)}), a deadline that
 * closes the connection, and {@link RunKnownHosts} for host keys.
 */
public final class SshjClient implements SshClient {

    private static final Logger log = LoggerFactory.getLogger(SshjClient.class);
    private static final AtomicBoolean preloaded = new AtomicBoolean();

    private final SshSettings settings;
    private final DefaultConfig config = new DefaultConfig();
    private final Either<String, RunKnownHosts> knownHosts;
    private final Either<String, Hops> hops;
    private final Authentication auth;

    static {
        // The JDK has every algorithm sshj negotiates but one name (see EcdsaKeyFactory); BouncyCastle's provider
        // would cost a few tenths of a second per run. Keys in OpenSSH and PKCS#8 formats load without it.
        SecurityUtils.setRegisterBouncyCastle(false);
        EcdsaKeyFactory.install();
    }

    /** See {@link SshClient#preload()}: builds a throw-away sshj configuration, once. */
    public static void preload() {
        if (preloaded.compareAndSet(false, true)) {
            new DefaultConfig(); // looks up every cipher, MAC and key exchange it offers
        }
    }

    /** A client for one run. */
    public SshjClient(SshSettings settings) {
        this.settings = settings;
        Either<String, RunKnownHosts> hosts;
        try {
            hosts = Either.right(RunKnownHosts.create(settings.knownHosts()));
        } catch (IOException e) {
            hosts = Either.left(
                    "cannot read known_hosts file " + settings.knownHosts().orElseThrow() + ": " + e.getMessage());
        }
        this.knownHosts = hosts;
        this.hops = Hops.create(settings);
        this.auth = new Authentication(settings);
    }

    @Override
    public boolean accepting(SshEndpoint target, Duration timeout) {
        if (hops.isLeft()) {
            return true; // the login reports the unreadable config
        }
        List<Hops.Hop> chain;
        try {
            chain = hops.get().chain(SshRequest.of(target, "", Duration.ofSeconds(1)));
        } catch (IOException e) {
            return true;
        }
        if (chain.size() != 1) {
            return true; // behind a ProxyJump bastion: only a login through it can tell
        }
        SshEndpoint address = chain.get(0).endpoint(); // with HostName and Port of ~/.ssh/config
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.host(), address.port()), (int)
                    Math.max(1, Math.min(timeout.toMillis(), 1000)));
            return true;
        } catch (IOException e) {
            return false; // refused, unreachable or silent: not accepting yet
        }
    }

    @Override
    public Either<ActionFailure, SshResult> exec(SshRequest request, CancellationToken cancel) {
        if (knownHosts.isLeft()) {
            return Either.left(new ActionFailure.Precondition(knownHosts.getLeft()));
        }
        if (hops.isLeft()) {
            return Either.left(new ActionFailure.Precondition(hops.getLeft()));
        }
        if (!auth.mayHaveKeys(hops.get().settingsOf(request.target()))) {
            return Either.left(noKeys(request.target()));
        }
        if (cancel.isCancelled()) {
            return Either.left(
                    new ActionFailure.Cancelled(what(request), cancel.reason().orElse("")));
        }
        try (Attempt attempt = new Attempt(request, cancel)) {
            return attempt.run();
        }
    }

    @Override
    public Either<ActionFailure, dev.homestak.actions.PortForward> forward(
            List<SshEndpoint> chain, String host, int port) {
        if (knownHosts.isLeft()) {
            return Either.left(new ActionFailure.Precondition(knownHosts.getLeft()));
        }
        return SshjForwarder.open(knownHosts.get(), settings, chain, host, port);
    }

    @Override
    public SshEndpoint endpoint(String user, String host) {
        return new SshEndpoint(user, host, settings.portFor(host));
    }

    private static ActionFailure noKeys(SshEndpoint endpoint) {
        return new ActionFailure.Precondition(
                "no SSH private key found to log in to " + endpoint + ": no ssh-agent "
                        + "(SSH_AUTH_SOCK) with keys and no key file (looked for ~/.ssh/id_ed25519, id_ecdsa, id_rsa): load a key "
                        + "with ssh-add, or name one with --identity, site-config ssh_identity or IdentityFile in ~/.ssh/config");
    }

    private static String what(SshRequest request) {
        return "'" + Texts.preview(request.command(), 60) + "' on " + request.describeTarget();
    }

    /** One connection attempt with its watchdog; closing it closes every client it opened. */
    private final class Attempt implements AutoCloseable {
        private final SshRequest request;
        private final CancellationToken cancel;
        private final List<SSHClient> clients = new ArrayList<>();
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private final CancellationToken.Registration onCancel;
        private volatile boolean timedOut;
        private SshEndpoint blamed;
        private boolean authenticated;
        private List<net.schmizz.sshj.userauth.method.AuthMethod> offered = List.of();

        Attempt(SshRequest request, CancellationToken cancel) {
            this.request = request;
            this.cancel = cancel;
            this.blamed = request.firstHop();
            this.onCancel = cancel.onCancel(this::closeClients);
            Thread.ofVirtual().name("ssh-deadline").start(this::watchdog);
        }

        Either<ActionFailure, SshResult> run() {
            try {
                SSHClient target = connect();
                return Either.right(execute(target));
            } catch (IOException e) {
                return Either.left(failure(e));
            }
        }

        private SSHClient connect() throws IOException {
            List<Hops.Hop> chain = hops.get().chain(request);
            SSHClient client = null;
            for (Hops.Hop hop : chain) {
                if (hop.operator()) {
                    knownHosts
                            .get()
                            .operatorHost(
                                    hop.endpoint().host(),
                                    hop.endpoint().port(),
                                    hop.config().knownHostsFiles(),
                                    hop.config().strict());
                }
                blamed = hop.endpoint();
                authenticated = false;
                DirectConnection tunnel = client == null
                        ? null
                        : client.newDirectConnection(
                                hop.endpoint().host(), hop.endpoint().port());
                client = login(open(), hop, tunnel);
            }
            return client;
        }

        private SSHClient open() {
            SSHClient client = new SSHClient(config);
            int connectMillis = (int) Math.min(
                    settings.connectTimeout().toMillis(), request.timeout().toMillis());
            client.setConnectTimeout(connectMillis);
            client.setSocketFactory(NoDelaySockets.FACTORY);
            client.addHostKeyVerifier(knownHosts.get());
            synchronized (clients) {
                clients.add(client);
            }
            if (timedOut || cancel.isCancelled()) {
                closeClients();
            }
            return client;
        }

        private SSHClient login(SSHClient client, Hops.Hop hop, @Nullable DirectConnection tunnel) throws IOException {
            if (tunnel == null) {
                client.connect(hop.endpoint().host(), hop.endpoint().port());
            } else {
                client.connectVia(tunnel);
            }
            offered = auth.methods(client, hop);
            if (offered.isEmpty()) {
                throw new NoIdentities();
            }
            client.auth(hop.endpoint().user(), offered);
            authenticated = true;
            return client;
        }

        private SshResult execute(SSHClient client) throws IOException {
            try (Session session = client.startSession()) {
                Session.Command command = session.exec(request.command());
                if (request.input().isPresent()) {
                    // written before reading: the inputs are small (a tfvars file), far below the channel window
                    try (java.io.OutputStream in = command.getOutputStream()) {
                        in.write(request.input().get().reveal().getBytes(StandardCharsets.UTF_8));
                    }
                }
                CompletableFuture<String> stderr = CompletableFuture.supplyAsync(
                        () -> readAll(command.getErrorStream()),
                        runnable -> Thread.ofVirtual().start(runnable));
                String stdout = new String(command.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                command.join(remainingMillis(), TimeUnit.MILLISECONDS);
                Integer status = command.getExitStatus();
                if (status == null && (timedOut || cancel.isCancelled())) {
                    throw new IOException("stopped");
                }
                return new SshResult(status == null ? -1 : status, stdout, stderr.join());
            }
        }

        private long remainingMillis() {
            return Math.max(1, request.timeout().toMillis());
        }

        private ActionFailure failure(IOException e) {
            if (cancel.isCancelled()) {
                return new ActionFailure.Cancelled(
                        what(request), cancel.reason().orElse(""));
            }
            if (timedOut) {
                return ActionFailure.Timeout.of("running " + what(request), request.timeout());
            }
            Optional<String> rejection = knownHosts.get().takeRejection(blamed.host(), blamed.port());
            if (rejection.isPresent()) {
                return new ActionFailure.Ssh(
                        blamed.toString(), ActionFailure.Ssh.Reason.HOST_KEY_REJECTED, rejection.get());
            }
            if (e instanceof NoIdentities) {
                return noKeys(blamed);
            }
            Optional<Path> locked = auth.passphrases().unanswered();
            if (e instanceof UserAuthException && locked.isPresent()) {
                // not worth waiting for: no later attempt has a terminal either
                return new ActionFailure.Precondition("SSH to " + blamed + ": key " + locked.get()
                        + " is protected by a passphrase and there is no terminal to ask for it: load it into ssh-agent "
                        + "(ssh-add " + locked.get() + ") and run again");
            }
            if (e instanceof UserAuthException) {
                return new ActionFailure.Ssh(
                        blamed.toString(),
                        ActionFailure.Ssh.Reason.AUTH_REFUSED,
                        "offered " + offered + "; add the public key to ~" + blamed.user() + "/.ssh/authorized_keys");
            }
            String detail = e.getMessage() == null
                    ? e.getClass().getSimpleName()
                    : e.getMessage().replaceAll("\\s+", " ").strip();
            log.debug("SSH to {} failed", blamed, e);
            ActionFailure.Ssh.Reason reason =
                    authenticated ? ActionFailure.Ssh.Reason.BROKEN : ActionFailure.Ssh.Reason.UNREACHABLE;
            return new ActionFailure.Ssh(blamed.toString(), reason, detail);
        }

        private void watchdog() {
            try {
                done.get(request.timeout().toNanos(), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                timedOut = true;
                closeClients();
            } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void closeClients() {
            List<SSHClient> open;
            synchronized (clients) {
                open = List.copyOf(clients);
            }
            // the target's connection runs inside the jump's channel, so close it first
            for (int i = open.size() - 1; i >= 0; i--) {
                try {
                    open.get(i).close();
                } catch (IOException e) {
                    log.debug("closing SSH client: {}", e.getMessage());
                }
            }
        }

        @Override
        public void close() {
            done.complete(null);
            onCancel.close();
            closeClients();
        }
    }

    /** No agent key and no key file to offer. */
    private static final class NoIdentities extends IOException {
        NoIdentities() {
            super("no SSH key");
        }
    }

    private static String readAll(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
