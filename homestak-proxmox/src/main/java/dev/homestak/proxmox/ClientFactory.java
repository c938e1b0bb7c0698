package dev.homestak.proxmox;

import io.vavr.control.Either;
import java.net.URI;
import java.time.Clock;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** Makes the one {@link OkHttpClient} of a {@link ProxmoxClient}: base URL, timeouts, TLS, auth. */
final class ClientFactory {

    /** Idle connections kept per client: one per parallel step of a manifest at its widest (--parallel 32). */
    static final int IDLE_CONNECTIONS = 32;

    private ClientFactory() {}

    static Either<ProxmoxFailure, ProxmoxClient.Parts> create(
            URI uri, Auth auth, TlsPolicy tls, Timeouts timeouts, boolean plainHttp, Clock clock) {
        HttpUrl parsed = HttpUrl.parse(uri.toString());
        if (parsed == null) {
            return Either.left(new ProxmoxFailure.Config("base URI '" + uri + "' is not an http(s) URL"));
        }
        if (!parsed.isHttps() && !plainHttp) {
            return Either.left(new ProxmoxFailure.Config(
                    "base URI '" + uri + "' is not https; PVE serves its API on https://<host>:8006"));
        }
        HttpUrl base = parsed.encodedPath().contains("/api2/json")
                ? parsed
                : parsed.newBuilder().encodedPath("/api2/json").build();
        // calls are enqueued so that an interrupt ends them at once (Transport); the default dispatcher would
        // hold back all but 5 parallel calls to one PVE, which parallel actions exceed
        okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
        dispatcher.setMaxRequests(256);
        dispatcher.setMaxRequestsPerHost(256);
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                // parallel steps each hold a connection; OkHttp's default keeps 5 idle ones, so every burst of
                // parallel calls paid a TLS handshake per connection again
                .connectionPool(new okhttp3.ConnectionPool(IDLE_CONNECTIONS, 5, java.util.concurrent.TimeUnit.MINUTES))
                .connectTimeout(timeouts.connect())
                .readTimeout(timeouts.read())
                .writeTimeout(timeouts.read())
                .callTimeout(timeouts.call())
                // OkHttp would silently resend a POST on some connection failures; retries are ours
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .addInterceptor(new AuthInterceptor(auth, base, clock));
        Either<ProxmoxFailure, OkHttpClient.Builder> withTls =
                parsed.isHttps() ? TlsSetup.apply(b, tls, base.host() + ":" + base.port()) : Either.right(b);
        return withTls.map(builder -> new ProxmoxClient.Parts(base, builder.build()));
    }
}
