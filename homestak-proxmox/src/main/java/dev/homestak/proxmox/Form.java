package dev.homestak.proxmox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Request parameters in PVE's conventions: booleans as {@code 1}/{@code 0}, repeated keys for
 * arrays, values added in call order. Mutable while a request is built; never logged.
 */
final class Form {

    private final List<Map.Entry<String, String>> fields = new ArrayList<>();

    static Form empty() {
        return new Form();
    }

    Form add(String key, String value) {
        fields.add(Map.entry(key, value));
        return this;
    }

    Form add(String key, long value) {
        return add(key, Long.toString(value));
    }

    Form add(String key, boolean value) {
        return add(key, value ? "1" : "0");
    }

    Form addOpt(String key, Optional<?> value) {
        value.ifPresent(v -> add(key, v instanceof Boolean b ? (b ? "1" : "0") : v.toString()));
        return this;
    }

    Form addAll(Map<String, String> values) {
        values.forEach(this::add);
        return this;
    }

    List<Map.Entry<String, String>> fields() {
        return List.copyOf(fields);
    }

    /** Parameter names only: what the contract test and logs may see. */
    List<String> names() {
        return fields.stream().map(Map.Entry::getKey).toList();
    }
}
