package dev.homestak.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds credentials to every request. A token goes in the {@code Authorization} header. A ticket
 * is obtained by logging in, renewed after an hour (it expires after two), sent as the
 * {@code PVEAuthCookie} cookie plus {@code CSRFPreventionToken} on writes, and renewed once more on
 * a 401 before the request is retried once (never in a loop: each 401 costs 3 s on the server).
 */
final class AuthInterceptor implements Interceptor {

    static final Duration TICKET_RENEW_AFTER = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(AuthInterceptor.class);

    private final Auth auth;
    private final HttpUrl base;
    private final Clock clock;
    private TicketState ticket; // guarded by this

    AuthInterceptor(Auth auth, HttpUrl base, Clock clock) {
        this.auth = auth;
        this.base = base;
        this.clock = clock;
    }

    /** A login that PVE refused; mapped to {@link ProxmoxFailure.Authentication}. */
    static final class LoginRefused extends IOException {
        LoginRefused(String message) {
            super(message);
        }
    }

    private record TicketState(String ticket, String csrf, Instant obtained) {}

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        return switch (auth) {
            case Auth.Token t ->
                chain.proceed(
                        request.newBuilder().header("Authorization", t.header()).build());
            case Auth.Ticket t -> withTicket(chain, request, t);
        };
    }

    private Response withTicket(Chain chain, Request request, Auth.Ticket t) throws IOException {
        Response response = chain.proceed(sign(request, currentTicket(chain, t, false)));
        if (response.code() != 401) {
            return response;
        }
        response.close();
        log.debug("ticket refused (401); logging in again once");
        return chain.proceed(sign(request, currentTicket(chain, t, true)));
    }

    private Request sign(Request request, TicketState state) {
        Request.Builder b = request.newBuilder()
                .header("Cookie", "PVEAuthCookie=" + URLEncoder.encode(state.ticket(), StandardCharsets.UTF_8));
        if (!request.method().equals("GET")) {
            b.header("CSRFPreventionToken", state.csrf());
        }
        return b.build();
    }

    private synchronized TicketState currentTicket(Chain chain, Auth.Ticket t, boolean force) throws IOException {
        Instant now = clock.instant();
        if (force || ticket == null || !now.isBefore(ticket.obtained().plus(TICKET_RENEW_AFTER))) {
            ticket = login(chain, t, now);
        }
        return ticket;
    }

    private TicketState login(Chain chain, Auth.Ticket t, Instant now) throws IOException {
        Request login = new Request.Builder()
                .url(base.newBuilder().addPathSegments("access/ticket").build())
                .post(new FormBody.Builder()
                        .add("username", t.userId())
                        .add("password", t.password().reveal())
                        .build())
                .build();
        try (Response r = chain.proceed(login)) {
            ResponseBody body = r.body();
            String text = body == null ? "" : body.string();
            if (!r.isSuccessful()) {
                throw new LoginRefused(
                        "login as " + t.userId() + " refused (HTTP " + r.code() + " " + r.message() + ")");
            }
            JsonNode data = Json.MAPPER.readTree(text).path("data");
            if (Json.bool(data, "NeedTFA")) {
                throw new LoginRefused("login as " + t.userId() + " needs two-factor authentication; use an API token");
            }
            String ticketValue = Json.text(data, "ticket", "");
            String csrf = Json.text(data, "CSRFPreventionToken", "");
            if (ticketValue.isEmpty() || csrf.isEmpty()) {
                throw new LoginRefused("login as " + t.userId() + " returned no ticket");
            }
            log.debug("logged in as {}", t.userId());
            return new TicketState(ticketValue, csrf, now);
        }
    }
}
