package dev.homestak.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One parsed YAML file: its top-level mapping (insertion-ordered, values are String, Integer, Long,
 * Double, Boolean, List or Map, nulls dropped) and the line of every key path ({@code vms[0].cores}).
 *
 * <p>Decrypted SOPS documents carry no lines; {@link #line(String)} is then 0 ("unknown").
 */
record YamlDoc(Path file, Map<String, Object> root, Map<String, Integer> lines) {

    YamlDoc {
        Objects.requireNonNull(file, "file");
        root = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(root));
        lines = Map.copyOf(lines);
    }

    /** A document without line information (decrypted secrets). */
    static YamlDoc withoutLines(Path file, Map<String, Object> root) {
        return new YamlDoc(file, root, Map.of());
    }

    /** The 1-based line of a key path, or 0 when unknown. */
    int line(String path) {
        return lines.getOrDefault(path, 0);
    }

    /** A top-level value. */
    Optional<Object> get(String key) {
        return Optional.ofNullable(root.get(key));
    }

    /** True when the file has no keys at all. */
    boolean isEmpty() {
        return root.isEmpty();
    }

    /** Names of a list-of-values path for messages: {@code vms[2]}. */
    static String index(String path, int i) {
        return path + "[" + i + "]";
    }

    /** Joins a parent path and a key: {@code defaults.bridge}. */
    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /** The unmodifiable list of a value that was checked to be a list. */
    @SuppressWarnings("unchecked")
    static List<Object> asList(Object value) {
        return (List<Object>) value;
    }

    /** The unmodifiable map of a value that was checked to be a mapping. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }
}
