package dev.homestak.sim.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One routed API call: method, concrete path, the template's path variables, the parameters
 * (query merged with the form body, body first and query winning, as PVE does) and who called.
 *
 * @param method      HTTP method
 * @param path        concrete path after {@code /api2/json}
 * @param vars        path variables by template name
 * @param params      parameters, single-valued (repeated keys keep the last value)
 * @param multi       parameters with every value of repeated keys (for {@code command})
 * @param user        the authenticated token, {@code user@realm!tokenid}
 * @param failTask    an injected task failure to apply to the task this call creates
 */
record Call(
        String method,
        String path,
        Map<String, String> vars,
        Map<String, String> params,
        Map<String, List<String>> multi,
        String user,
        Optional<String> failTask) {

    Call {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        vars = Map.copyOf(vars);
        params = Map.copyOf(params);
        multi = Map.copyOf(multi);
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(failTask, "failTask");
    }

    /** A path variable the route template guarantees. */
    String var(String name) {
        String value = vars.get(name);
        if (value == null) {
            throw new IllegalStateException("route has no path variable " + name);
        }
        return value;
    }

    /** The {@code vmid} path variable as a number (PVE's 400 if it is not one). */
    int vmid() {
        return Params.vmid("vmid", var("vmid"));
    }

    /** An optional parameter. */
    Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    /** A required parameter (PVE's 400 when missing). */
    String required(String name) {
        return param(name).orElseThrow(() -> PveError.param(name, "property is missing and it is not optional"));
    }

    /** A boolean parameter, PVE-style {@code 0}/{@code 1}. */
    boolean flag(String name) {
        return param(name).map(v -> Params.bool(name, v)).orElse(false);
    }
}
