package dev.homestak.core;

import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Collects every problem found while binding YAML to records, so a user sees all of them at once,
 * and reads typed values from a {@link YamlDoc} with messages that name file, line and key.
 */
final class Problems {

    private final List<ConfigFailure> failures = new ArrayList<>();

    /** Records a failure. */
    void add(ConfigFailure failure) {
        failures.add(failure);
    }

    /** Records the failure on the left of {@code either}; returns its right value, if any. */
    <T> Optional<T> take(Either<ConfigFailure, T> either) {
        either.swap().forEach(failures::add);
        return either.toJavaOptional();
    }

    /** True when nothing was recorded. */
    boolean isEmpty() {
        return failures.isEmpty();
    }

    /** The built value when nothing went wrong, otherwise the one failure or all of them. */
    <T> Either<ConfigFailure, T> result(Supplier<T> build) {
        if (failures.isEmpty()) {
            return Either.right(build.get());
        }
        return Either.left(failures.size() == 1 ? failures.get(0) : new ConfigFailure.Multiple(failures));
    }

    /** Records that {@code path} in {@code doc} has a wrong value. */
    void invalid(YamlDoc doc, String path, String problem) {
        failures.add(new ConfigFailure.Invalid(doc.file(), doc.line(path), path, problem));
    }

    /** An optional string under {@code key} of {@code map} (at {@code parent}); other types are recorded. */
    Optional<String> string(YamlDoc doc, Map<String, Object> map, String parent, String key) {
        return typed(doc, map, parent, key, String.class, "a string");
    }

    /** An optional integer; strings like {@code two} and fractions are recorded as wrong types. */
    Optional<Integer> integer(YamlDoc doc, Map<String, Object> map, String parent, String key) {
        return typed(doc, map, parent, key, Integer.class, "a whole number");
    }

    /** An optional boolean ({@code true}/{@code false}). */
    Optional<Boolean> bool(YamlDoc doc, Map<String, Object> map, String parent, String key) {
        return typed(doc, map, parent, key, Boolean.class, "true or false");
    }

    /** An optional nested mapping. */
    Optional<Map<String, Object>> mapping(YamlDoc doc, Map<String, Object> map, String parent, String key) {
        return typed(doc, map, parent, key, Map.class, "a mapping of keys").map(YamlDoc::asMap);
    }

    /** An optional list. */
    Optional<List<Object>> list(YamlDoc doc, Map<String, Object> map, String parent, String key) {
        return typed(doc, map, parent, key, List.class, "a list").map(YamlDoc::asList);
    }

    /** An optional list whose items must all be strings. */
    Optional<List<String>> strings(YamlDoc doc, Map<String, Object> map, String parent, String key) {
        String path = YamlDoc.child(parent, key);
        return list(doc, map, parent, key).flatMap(items -> {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof String s) {
                    out.add(s);
                } else {
                    invalid(doc, YamlDoc.index(path, i), "must be a string, not " + kind(items.get(i)));
                }
            }
            return out.size() == items.size() ? Optional.of(List.copyOf(out)) : Optional.empty();
        });
    }

    /** An optional string or list of strings (e.g. {@code ssh_identity: ~/.ssh/a} or {@code [~/.ssh/a, ~/.ssh/b]}). */
    Optional<List<String>> stringOrStrings(YamlDoc doc, Map<String, Object> map, String parent, String key) {
        if (map.get(key) instanceof String s) {
            return Optional.of(List.of(s));
        }
        if (map.get(key) == null || map.get(key) instanceof List) {
            return strings(doc, map, parent, key);
        }
        invalid(
                doc,
                YamlDoc.child(parent, key),
                "must be a file name or a list of file names, not " + kind(map.get(key)));
        return Optional.empty();
    }

    private <T> Optional<T> typed(
            YamlDoc doc, Map<String, Object> map, String parent, String key, Class<T> type, String expected) {
        Object value = map.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (type.isInstance(value)) {
            return Optional.of(type.cast(value));
        }
        invalid(doc, YamlDoc.child(parent, key), "must be " + expected + ", not " + kind(value));
        return Optional.empty();
    }

    /** How a value looks to a YAML author; never shows the value itself (it may be a secret). */
    static String kind(Object value) {
        return switch (value) {
            case String s -> "text";
            case Integer i -> "a number";
            case Long l -> "a number too large";
            case Double d -> "a fraction";
            case Boolean b -> "true/false";
            case List<?> l -> "a list";
            case Map<?, ?> m -> "a mapping";
            default -> value.getClass().getSimpleName();
        };
    }

    /** A name read from a file, with control characters (NUL, newlines) escaped so a message stays one printable line. */
    static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /**
     * The file a named entry would live in ({@code dir/name.yaml}), for a hint. Built as text, not as a
     * {@link java.nio.file.Path}: a name read from YAML may hold characters no path can (NUL).
     */
    static String fileFor(java.nio.file.Path dir, String name) {
        return dir + java.io.File.separator + printable(name) + ".yaml";
    }
}
