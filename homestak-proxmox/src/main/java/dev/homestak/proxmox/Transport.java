package dev.homestak.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homestak.core.RetryPolicy;
import dev.homestak.core.Sleeper;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link ApiRequest}s over the one shared {@link OkHttpClient}, unwraps the {@code data}
 * envelope, maps errors, and retries what {@link RetryPolicy} allows.
 */
final class Transport {

    private static final Logger log = LoggerFactory.getLogger(Transport.class);

    private final HttpUrl base;
    private final OkHttpClient http;
    private final RetryPolicy retry;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Polling polling;
    private final Consumer<RetryNotice> retryListener;

    Transport(
            HttpUrl base,
            OkHttpClient http,
            RetryPolicy retry,
            Clock clock,
            Sleeper sleeper,
            Polling polling,
            Consumer<RetryNotice> retryListener) {
        this.polling = polling;
        this.retryListener = retryListener;
        this.base = base;
        this.http = http;
        this.retry = retry;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    Clock clock() {
        return clock;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    /** This transport with its retries told to {@code listener} instead; it shares the connection pool. */
    Transport withRetryListener(Consumer<RetryNotice> listener) {
        return new Transport(base, http, retry, clock, sleeper, polling, listener);
    }

    Polling polling() {
        return polling;
    }

    OkHttpClient http() {
        return http;
    }

    /** The {@code data} of a successful response ({@code NullNode} when PVE sent {@code null}). */
    Either<ProxmoxFailure, JsonNode> call(ApiRequest req) {
        return callEnvelope(req).map(root -> root.get("data"));
    }

    /** The whole success envelope ({@code data} plus {@code total} and the like). */
    Either<ProxmoxFailure, JsonNode> callEnvelope(ApiRequest req) {
        Instant deadline = retry.deadline().map(clock.instant()::plus).orElse(Instant.MAX);
        for (int attempt = 1; ; attempt++) {
            Either<ProxmoxFailure, JsonNode> result = once(req);
            if (result.isRight() || !retryable(req, result.getLeft()) || attempt >= retry.maxAttempts()) {
                return result;
            }
            Duration pause = retry.delayAfter(attempt);
            if (clock.instant().plus(pause).isAfter(deadline)) {
                return result;
            }
            log.debug(
                    "{}: {}; retry {} in {} ms",
                    req.describe(),
                    result.getLeft().message(),
                    attempt,
                    pause.toMillis());
            retryListener.accept(
                    new RetryNotice(req.describe(), result.getLeft().message(), attempt, pause));
            try {
                sleeper.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Either.left(new ProxmoxFailure.Cancelled("retrying " + req.describe()));
            }
        }
    }

    static boolean retryable(ApiRequest req, ProxmoxFailure f) {
        return switch (f) {
            case ProxmoxFailure.Transport t -> true; // reads, or writes that never left the client
            case ProxmoxFailure.Transient t -> true; // writes only get these when PVE did not act
            case ProxmoxFailure.LockTimeout l -> true; // a sync lock timeout changed nothing
            default -> false;
        };
    }

    private Either<ProxmoxFailure, JsonNode> once(ApiRequest req) {
        long started = System.nanoTime();
        Call call = http.newCall(toHttp(req));
        try (Response response = interruptibly(call)) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            log.debug("{} -> {} ({} ms)", req.describe(), response.code(), (System.nanoTime() - started) / 1_000_000);
            if (!response.isSuccessful()) {
                return Either.left(Errors.classify(req, response.code(), response.message(), text));
            }
            return decode(req, text);
        } catch (InterruptedException e) {
            call.cancel(); // a blocked socket read ignores interrupts: cancelling the call closes the socket
            Thread.currentThread().interrupt();
            return Either.left(new ProxmoxFailure.Cancelled(req.describe()));
        } catch (IOException e) {
            return Either.left(ioFailure(req, e));
        }
    }

    /**
     * The call's response, awaited so that interrupting the calling thread ends the wait at once (OkHttp's
     * {@code execute()} would sit in a socket read until the server answered or a timeout hit).
     */
    private static Response interruptibly(Call call) throws IOException, InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
        }
        CompletableFuture<Response> answer = new CompletableFuture<>();
        call.enqueue(new Callback() {
            @Override
            public void onResponse(Call c, Response response) {
                if (!answer.complete(response)) {
                    response.close();
                }
            }

            @Override
            public void onFailure(Call c, IOException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            answer.thenAccept(Response::close); // an answer arriving after all is released
            throw e;
        }
    }

    private static Either<ProxmoxFailure, JsonNode> decode(ApiRequest req, String text) {
        try {
            JsonNode root = Json.MAPPER.readTree(text);
            if (root == null || !root.isObject() || !root.has("data")) {
                return Either.left(new ProxmoxFailure.Decode(req.describe(), "no {\"data\": ...} envelope"));
            }
            return Either.right(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Either.left(new ProxmoxFailure.Decode(req.describe(), "not JSON: " + e.getOriginalMessage()));
        }
    }

    private ProxmoxFailure ioFailure(ApiRequest req, IOException e) {
        String what = req.describe();
        String reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        if (e instanceof AuthInterceptor.LoginRefused) {
            return new ProxmoxFailure.Authentication(what, e.getMessage());
        }
        if (e instanceof SSLException ssl && !closedDuringHandshake(ssl)) {
            return tlsFailure(ssl);
        }
        if (e instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
            return new ProxmoxFailure.Cancelled(what);
        }
        boolean neverSent = e instanceof SSLException // closed during the handshake: the request was never sent
                || e instanceof ConnectException
                || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException
                || (e instanceof java.net.SocketTimeoutException
                        && String.valueOf(e.getMessage()).contains("connect"));
        return req.idempotent() || neverSent
                ? new ProxmoxFailure.Transport(what, reason)
                : new ProxmoxFailure.OutcomeUnknown(what, reason);
    }

    /**
     * Whether the peer closed the connection during the TLS handshake without refusing a certificate (pveproxy
     * restarting, an SSH forward whose far end is not up yet): a transport failure, retried, not a TLS verdict.
     */
    private static boolean closedDuringHandshake(SSLException e) {
        boolean closed = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ReportingTrustManager.UntrustedCertificate) {
                return false;
            }
            closed |= t instanceof java.io.EOFException
                    || t instanceof java.net.SocketException
                    || String.valueOf(t.getMessage()).contains("Remote host terminated the handshake");
        }
        return closed;
    }

    private ProxmoxFailure.Tls tlsFailure(SSLException e) {
        String host = base.host() + ":" + base.port();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ReportingTrustManager.UntrustedCertificate u) {
                return new ProxmoxFailure.Tls(host, Optional.of(u.fingerprint()), u.reason());
            }
        }
        return new ProxmoxFailure.Tls(host, Optional.empty(), String.valueOf(e.getMessage()));
    }

    private Request toHttp(ApiRequest req) {
        HttpUrl.Builder url = base.newBuilder();
        req.segments().forEach(url::addPathSegment);
        boolean inQuery = req.method().equals("GET") || req.method().equals("DELETE");
        RequestBody body = null;
        if (inQuery) {
            req.form().fields().forEach(f -> url.addQueryParameter(f.getKey(), f.getValue()));
        } else {
            FormBody.Builder form = new FormBody.Builder();
            for (Map.Entry<String, String> f : req.form().fields()) {
                form.add(f.getKey(), f.getValue());
            }
            body = form.build();
        }
        return new Request.Builder()
                .url(url.build())
                .method(req.method(), body)
                .header("Accept", "application/json")
                .build();
    }
}
