package dev.homestak.proxmox;

import static java.util.Objects.requireNonNull;

import dev.homestak.core.RetryPolicy;
import dev.homestak.core.Secret;
import dev.homestak.core.Sleeper;
import dev.homestak.proxmox.model.NodeSummary;
import dev.homestak.proxmox.model.VersionInfo;
import io.vavr.control.Either;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The typed Proxmox VE API client: one shared HTTP connection pool, authentication, TLS policy,
 * retries, and immutable navigation handles ({@code pve.node("pve").qemu(100).status().start()}).
 * Terminal calls return {@code Either<ProxmoxFailure, T>}; nothing throws for environmental reasons.
 *
 * <p>Thread-safe. Close it to release the connection pool and dispatcher threads.
 */
public final class ProxmoxClient implements AutoCloseable {

    /**
     * The client's retries unless {@link Builder#retry} says otherwise: 4 attempts, 200 ms doubling to 5 s with
     * up to half of each pause removed at random, none starting 30 s after the first attempt.
     */
    public static final RetryPolicy DEFAULT_RETRY = RetryPolicy.builder()
            .maxAttempts(4)
            .backoff(Duration.ofMillis(200), Duration.ofSeconds(5))
            .jitter(0.5)
            .deadline(Duration.ofSeconds(30))
            .build();

    private final Calls calls;
    private final URI baseUri;
    private final boolean owner;

    private ProxmoxClient(Calls calls, URI baseUri, boolean owner) {
        this.calls = calls;
        this.baseUri = baseUri;
        this.owner = owner;
    }

    /** A builder; {@code baseUri} and {@code auth} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client for {@code https://host:8006} from site-config values: the token string
     * {@code user@realm!tokenid=secret} and, when set, the node's {@code tls_fingerprint}
     * ({@code AA:BB:...}; without it the system trust store is used).
     */
    public static Either<ProxmoxFailure, ProxmoxClient> forHost(
            URI baseUri, Secret tokenString, Optional<String> tlsFingerprint) {
        return Auth.parseToken(tokenString)
                .<ProxmoxFailure>mapLeft(ProxmoxFailure.Config::new)
                .flatMap(auth -> builder()
                        .baseUri(baseUri)
                        .auth(auth)
                        .tls(tlsFingerprint.map(TlsPolicy::pinnedSha256).orElseGet(TlsPolicy::systemTrust))
                        .build());
    }

    /** The API root this client talks to, e.g. {@code https://pve:8006/api2/json}. */
    public URI baseUri() {
        return baseUri;
    }

    /** {@code GET /version}. */
    public Either<ProxmoxFailure, VersionInfo> version() {
        return calls.read(ApiRequest.get(List.of("version")), Payloads::version);
    }

    /** {@code GET /nodes}. */
    public Either<ProxmoxFailure, List<NodeSummary>> nodes() {
        return calls.read(ApiRequest.get(List.of("nodes")), data -> Calls.list(data, Payloads::node));
    }

    /**
     * A view of this client whose retries are told to {@code listener} (instead of the builder's listener), for
     * the calls of one piece of work: an action reports them as its events this way. The view shares this
     * client's connection pool and settings; closing it does nothing, close the client you built.
     */
    public ProxmoxClient withRetryListener(Consumer<RetryNotice> listener) {
        requireNonNull(listener, "listener");
        return new ProxmoxClient(new Calls(calls.transport().withRetryListener(listener)), baseUri, false);
    }

    /** A handle on one node. */
    public NodeApi node(String node) {
        return new NodeApi(calls, node);
    }

    /** Cluster-wide calls. */
    public ClusterApi cluster() {
        return new ClusterApi(calls);
    }

    /** Users' API tokens. */
    public AccessApi access() {
        return new AccessApi(calls);
    }

    /** Re-attaches to a task by its UPID (e.g. after a {@link ProxmoxFailure.TaskTimeout}). */
    public Task task(Upid upid) {
        return new Task(calls, upid);
    }

    /** Releases the connection pool and the dispatcher's threads (a {@link #withRetryListener} view: nothing). */
    @Override
    public void close() {
        if (!owner) {
            return;
        }
        OkHttpClient http = calls.transport().http();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "ProxmoxClient[" + baseUri + "]";
    }

    /** Builds a {@link ProxmoxClient}; the only mutable companion of it. */
    public static final class Builder {
        private Optional<URI> baseUri = Optional.empty();
        private Optional<Auth> auth = Optional.empty();
        private TlsPolicy tls = TlsPolicy.systemTrust();
        private Timeouts timeouts = Timeouts.defaults();
        private RetryPolicy retry = DEFAULT_RETRY;
        private Consumer<RetryNotice> retryListener = notice -> {};
        private Polling polling = Polling.defaults();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private boolean plainHttp;

        private Builder() {}

        /** The node, {@code https://host:8006}; {@code /api2/json} is added when missing. */
        public Builder baseUri(URI value) {
            baseUri = Optional.of(value);
            return this;
        }

        /** Token or ticket authentication. */
        public Builder auth(Auth value) {
            auth = Optional.of(requireNonNull(value, "auth"));
            return this;
        }

        /** The TLS policy; default {@link TlsPolicy#systemTrust()}. */
        public Builder tls(TlsPolicy value) {
            tls = requireNonNull(value, "tls");
            return this;
        }

        /** HTTP timeouts; default {@link Timeouts#defaults()}. */
        public Builder timeouts(Timeouts value) {
            timeouts = requireNonNull(value, "timeouts");
            return this;
        }

        /**
         * How transient failures are retried; default {@link #DEFAULT_RETRY}. Reads are retried on any transient
         * failure; writes only when PVE certainly did not act (connection never made, 502/503/595,
         * {@code got no worker upid}, a sync lock timeout). A write with an unknown outcome is never resent.
         */
        public Builder retry(RetryPolicy value) {
            retry = requireNonNull(value, "retry");
            return this;
        }

        /** Told of every retry before its pause (default: nobody); see also {@link ProxmoxClient#withRetryListener}. */
        public Builder retryListener(Consumer<RetryNotice> value) {
            retryListener = requireNonNull(value, "retryListener");
            return this;
        }

        /** Task and wait polling; default {@link Polling#defaults()}. */
        public Builder polling(Polling value) {
            polling = requireNonNull(value, "polling");
            return this;
        }

        /** The clock for deadlines and ticket age (tests inject a manual one). */
        public Builder clock(Clock value) {
            clock = requireNonNull(value, "clock");
            return this;
        }

        /** How to pause between polls and retries (tests inject one that advances their clock). */
        public Builder sleeper(Sleeper value) {
            sleeper = requireNonNull(value, "sleeper");
            return this;
        }

        /**
         * Allows an {@code http://} base URI: for tests and a local simulator only, never for a real
         * node (credentials would cross the network in clear text).
         */
        public Builder allowPlainHttpForTesting() {
            plainHttp = true;
            return this;
        }

        /** The client, or a {@link ProxmoxFailure.Config} saying what is wrong with the settings. */
        public Either<ProxmoxFailure, ProxmoxClient> build() {
            if (baseUri.isEmpty() || auth.isEmpty()) {
                return Either.left(new ProxmoxFailure.Config("baseUri and auth are required"));
            }
            return ClientFactory.create(baseUri.get(), auth.get(), tls, timeouts, plainHttp, clock)
                    .map(parts -> new ProxmoxClient(
                            new Calls(new Transport(
                                    parts.base(), parts.http(), retry, clock, sleeper, polling, retryListener)),
                            parts.base().uri(),
                            true));
        }
    }

    /** The pieces {@link ClientFactory} makes. */
    record Parts(HttpUrl base, OkHttpClient http) {}
}
