package dev.homestak.sim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Splits a PVE API request into decoded path segments and merged parameters. */
final class RequestParser {

    static final String PREFIX = "/api2/json";

    private RequestParser() {}

    /** The decoded segments after {@code /api2/json}, or null when the path is outside the API. */
    static @org.jspecify.annotations.Nullable List<String> segments(String rawPath) {
        if (!rawPath.equals(PREFIX) && !rawPath.startsWith(PREFIX + "/")) {
            return null;
        }
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.substring(PREFIX.length()).split("/")) {
            if (!raw.isEmpty()) {
                // decode per segment so that an encoded '/' in a volume id stays inside its segment
                segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return segments;
    }

    /** Body parameters first, then query parameters overriding them, as PVE's extract_params does. */
    static Map<String, List<String>> params(HttpRequest request) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        String type = request.header("content-type").orElse("").split(";")[0].trim();
        if (request.body().length > 0) {
            if (type.equals("application/json")) {
                json(ApiJson.read(request.body()), params);
            } else {
                form(new String(request.body(), StandardCharsets.UTF_8), params);
            }
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        form(request.rawQuery(), query);
        params.putAll(query);
        return params;
    }

    /** The last value of every parameter. */
    static Map<String, String> single(Map<String, List<String>> multi) {
        Map<String, String> single = new LinkedHashMap<>();
        multi.forEach((k, v) -> single.put(k, v.get(v.size() - 1)));
        return single;
    }

    private static void form(String encoded, Map<String, List<String>> into) {
        if (encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            into.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
    }

    private static void json(@org.jspecify.annotations.Nullable JsonNode node, Map<String, List<String>> into) {
        if (node == null || !node.isObject()) {
            return;
        }
        node.properties().forEach(e -> {
            List<String> values = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(v -> values.add(scalar(v)));
            } else {
                values.add(scalar(e.getValue()));
            }
            into.put(e.getKey(), values);
        });
    }

    private static String scalar(JsonNode value) {
        return value.isBoolean() ? (value.booleanValue() ? "1" : "0") : value.asText();
    }
}
