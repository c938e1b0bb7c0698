package dev.homestak.sim.internal;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed HTTP/1.1 request.
 *
 * @param method   request method
 * @param rawPath  path as sent (still percent-encoded)
 * @param rawQuery query as sent, {@code ""} when none
 * @param headers  headers by lower-case name (last one wins)
 * @param body     the body bytes
 */
record HttpRequest(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body) {

    HttpRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        Objects.requireNonNull(rawQuery, "rawQuery");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }
}
