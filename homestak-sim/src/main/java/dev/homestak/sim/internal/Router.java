package dev.homestak.sim.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Matches a method and concrete path against route templates such as {@code /nodes/{node}/qemu}. */
final class Router {

    /** A route: method, template split into segments, handler. */
    private record Route(String method, String template, String[] segments, Handler handler) {}

    /** A matched route with its path variables. */
    record Match(String template, Map<String, String> vars, Handler handler) {}

    private final List<Route> routes = new ArrayList<>();

    /** Adds a route. */
    Router add(String method, String template, Handler handler) {
        routes.add(new Route(method, template, split(template), handler));
        return this;
    }

    /** The route for this call, if any. */
    Optional<Match> match(String method, List<String> segments) {
        String[] parts = segments.toArray(String[]::new);
        for (Route route : routes) {
            if (!route.method.equals(method) || route.segments.length != parts.length) {
                continue;
            }
            Map<String, String> vars = matchSegments(route.segments, parts);
            if (vars != null) {
                return Optional.of(new Match(route.template, vars, route.handler));
            }
        }
        return Optional.empty();
    }

    private static @org.jspecify.annotations.Nullable Map<String, String> matchSegments(
            String[] template, String[] parts) {
        Map<String, String> vars = new HashMap<>();
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{") && t.endsWith("}")) {
                vars.put(t.substring(1, t.length() - 1), parts[i]);
            } else if (!t.equals(parts[i])) {
                return null;
            }
        }
        return vars;
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }
}
