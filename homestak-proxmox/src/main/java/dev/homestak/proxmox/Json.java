package dev.homestak.proxmox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.StreamSupport;

/**
 * Lenient readers for PVE payloads: Perl scalars arrive as {@code 100} or {@code "100"}, booleans as
 * {@code 1}, {@code "1"} or {@code true}, and optional keys are simply absent.
 */
final class Json {

    static final ObjectMapper MAPPER =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Json() {}

    static Optional<String> text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isValueNode() && !v.isNull() ? Optional.of(v.asText()) : Optional.empty();
    }

    static String text(JsonNode n, String field, String fallback) {
        return text(n, field).orElse(fallback);
    }

    static Optional<Long> longOf(JsonNode n, String field) {
        return number(n.path(field)).map(Double::longValue);
    }

    static Optional<Double> doubleOf(JsonNode n, String field) {
        return number(n.path(field));
    }

    static Optional<Integer> intOf(JsonNode n, String field) {
        return longOf(n, field).map(Long::intValue);
    }

    static Optional<Double> number(JsonNode v) {
        if (v.isNumber()) {
            return Optional.of(v.asDouble());
        }
        if (v.isTextual()) {
            try {
                return Optional.of(Double.parseDouble(v.asText().strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static Optional<Boolean> boolOf(JsonNode n, String field) {
        JsonNode v = n.path(field);
        if (v.isBoolean()) {
            return Optional.of(v.asBoolean());
        }
        if (v.isNumber()) {
            return Optional.of(v.asInt() != 0);
        }
        if (v.isTextual()) {
            return switch (v.asText().strip().toLowerCase(java.util.Locale.ROOT)) {
                case "1", "true", "yes", "on" -> Optional.of(true);
                case "0", "false", "no", "off" -> Optional.of(false);
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    static boolean bool(JsonNode n, String field) {
        return boolOf(n, field).orElse(false);
    }

    /** All scalar fields as strings (objects and arrays as JSON text): the "additional properties" bag. */
    static Map<String, String> flat(JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        n.properties()
                .forEach(e -> out.put(
                        e.getKey(),
                        e.getValue().isValueNode()
                                ? e.getValue().asText()
                                : e.getValue().toString()));
        return out;
    }

    static <T> List<T> list(JsonNode n, Function<JsonNode, T> element) {
        return StreamSupport.stream(n.spliterator(), false).map(element).toList();
    }
}
