package dev.homestak.sim.internal;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An HTTP response with a free-form reason phrase (PVE puts its error message there), or a reset.
 *
 * @param status  status code
 * @param reason  reason phrase (first line only is sent)
 * @param body    JSON body
 * @param reset   true to close the connection without answering
 */
record HttpResponse(int status, String reason, byte[] body, boolean reset) {

    HttpResponse {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(body, "body");
    }

    /** A JSON response. */
    static HttpResponse json(int status, String reason, String json) {
        return new HttpResponse(status, reason, json.getBytes(StandardCharsets.UTF_8), false);
    }

    /** Close the connection without a response. */
    static HttpResponse resetConnection() {
        return new HttpResponse(0, "", new byte[0], true);
    }

    /** The reason's first line, as PVE's server truncates it. */
    String statusLineReason() {
        int newline = reason.indexOf('\n');
        return newline < 0 ? reason : reason.substring(0, newline);
    }
}
