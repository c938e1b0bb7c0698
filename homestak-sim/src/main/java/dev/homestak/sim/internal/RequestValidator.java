package dev.homestak.sim.internal;

import java.util.List;
import java.util.Map;

/**
 * Checks a request's parameters against the PVE API schema, giving PVE's 400 {@code errors} map
 * (parameter → message), empty when the request is valid.
 */
@FunctionalInterface
public interface RequestValidator {

    /** Accepts everything. */
    RequestValidator NONE = (method, segments, params) -> Map.of();

    /** The errors for this call, empty when valid; {@code segments} are the decoded path segments after {@code /api2/json}. */
    Map<String, String> validate(String method, List<String> segments, Map<String, List<String>> params);

    /**
     * The schema's {@code returns.type} of this method and path ({@code ""} when it names none), empty when the
     * schema has no such endpoint (or this validator knows no schema).
     */
    default java.util.Optional<String> returnsType(String method, List<String> segments) {
        return java.util.Optional.empty();
    }
}
