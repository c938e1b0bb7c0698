package dev.homestak.sim.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** JSON for the simulated API's bodies. */
final class ApiJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ApiJson() {}

    /** Serializes maps, lists, strings and numbers. */
    static String write(@Nullable Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("simulator built an unserializable value", e);
        }
    }

    /** PVE's envelope {@code {"data": ...}} plus optional extra top-level keys. */
    static String envelope(@Nullable Object data, Map<String, Object> extra) {
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.putAll(extra);
        return write(body);
    }

    /** Parses a JSON body; null when it is not JSON. */
    static @Nullable JsonNode read(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
