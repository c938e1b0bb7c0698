package dev.homestak.proxmox.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Collects form fields in PVE's conventions (booleans 0/1); package-private helper of the requests. */
final class FormFields {

    // PVE option names: lower-case letters, digits, '-' and '_' (net0, import-from, cicustom)
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_-]*");

    private final List<Map.Entry<String, String>> fields = new ArrayList<>();

    FormFields put(String key, String value) {
        fields.add(Map.entry(key, value));
        return this;
    }

    FormFields put(String key, boolean value) {
        return put(key, value ? "1" : "0");
    }

    FormFields opt(String key, Optional<?> value) {
        value.ifPresent(v -> put(key, v instanceof Boolean b ? (b ? "1" : "0") : v.toString()));
        return this;
    }

    FormFields all(Map<String, String> options) {
        options.forEach(this::put);
        return this;
    }

    List<Map.Entry<String, String>> build() {
        return List.copyOf(fields);
    }

    /** Checks an option map's keys are plausible PVE option names (the schema check comes later). */
    static Map<String, String> checkedOptions(Map<String, String> options) {
        options.keySet().forEach(k -> {
            if (!KEY.matcher(k).matches()) {
                throw new IllegalArgumentException("not a PVE option name: '" + k + "'");
            }
        });
        return Map.copyOf(options);
    }
}
