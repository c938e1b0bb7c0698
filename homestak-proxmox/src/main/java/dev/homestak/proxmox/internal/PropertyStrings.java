package dev.homestak.proxmox.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a property string ({@code virtio,bridge=vmbr0,firewall=1}) against its sub-schema, the way
 * pve-common {@code parse_property_string} does: default keys, aliases, key aliases
 * ({@code virtio=BC:24:...} sets {@code model} and {@code macaddr}), unknown and duplicate keys.
 */
final class PropertyStrings {

    private PropertyStrings() {}

    /** The error after PVE's {@code invalid format - } prefix, or empty when the value is fine. */
    static Optional<String> check(SchemaParam p, String value) {
        Map<String, String> parsed = new LinkedHashMap<>();
        Optional<String> parseError = parse(p.properties(), value, parsed);
        if (parseError.isPresent()) {
            return parseError;
        }
        List<String> errors = new ArrayList<>();
        parsed.forEach((key, v) ->
                SchemaValidator.checkValue(p.properties().get(key), v).ifPresent(e -> errors.add(key + ": " + e)));
        p.properties().forEach((key, sub) -> {
            if (!sub.optional() && !parsed.containsKey(key)) {
                errors.add(key + ": " + SchemaValidator.MISSING);
            }
        });
        return errors.isEmpty() ? Optional.empty() : Optional.of("format error: " + String.join("; ", errors));
    }

    private static Optional<String> parse(Map<String, SchemaParam> schema, String value, Map<String, String> out) {
        Optional<String> defaultKey = schema.values().stream()
                .filter(SchemaParam::defaultKey)
                .map(SchemaParam::name)
                .findFirst();
        for (String part : split(value)) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                if (defaultKey.isEmpty()) {
                    return Optional.of("value without key, but schema does not define a default key");
                }
                if (out.putIfAbsent(defaultKey.get(), part) != null) {
                    return duplicate(defaultKey.get());
                }
                continue;
            }
            if (eq == 0) {
                return Optional.of("missing key in comma-separated list property");
            }
            String key = part.substring(0, eq);
            String v = unquote(part.substring(eq + 1));
            SchemaParam sub = schema.get(key);
            if (sub != null && sub.alias().isPresent()) {
                if (sub.keyAlias().isPresent() && out.putIfAbsent(sub.keyAlias().get(), key) != null) {
                    return Optional.of("key alias '" + sub.keyAlias().get() + "' is already defined");
                }
                key = sub.alias().get();
                sub = schema.get(key);
            }
            if (sub == null) {
                return Optional.of("invalid key in comma-separated list property: " + key);
            }
            if (out.putIfAbsent(key, v) != null) {
                return duplicate(key);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> duplicate(String key) {
        return Optional.of("duplicate key in comma-separated list property: " + key);
    }

    /** Splits on commas outside double quotes (PVE quotes values that contain commas). */
    static List<String> split(String value) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        parts.removeIf(String::isEmpty);
        return parts;
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }
}
