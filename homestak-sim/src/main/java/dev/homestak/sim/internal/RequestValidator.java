package dev.homestak.sim.internal;

import java.util.Map;

/**
 * Checks a request's parameters against the PVE API schema, giving PVE's 400 {@code errors} map
 * (parameter → message), empty when the request is valid.
 */
@FunctionalInterface
public interface RequestValidator {

    /** Accepts everything (used when no schema is available). */
    RequestValidator NONE = (method, path, params) -> Map.of();

    /** The errors for this call, empty when valid; {@code path} is concrete (after {@code /api2/json}). */
    Map<String, String> validate(String method, String path, Map<String, String> params);
}
