package dev.homestak.sim;

import java.util.Map;
import java.util.Objects;

/**
 * A request the simulated API received, with the status it answered ({@code 0} when the
 * connection was reset by an injected fault). Parameters never include the auth header.
 *
 * @param method  HTTP method
 * @param path    path after {@code /api2/json}, percent-decoded
 * @param params  query and form parameters (repeated keys joined with NUL, as PVE's older servers did)
 * @param status  HTTP status answered
 */
public record RecordedRequest(String method, String path, Map<String, String> params, int status) {
    /** Validates and copies. */
    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        params = Map.copyOf(params);
    }
}
