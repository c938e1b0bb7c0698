package dev.homestak.scenarios.internal;

import dev.homestak.core.Secret;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces every known secret value in text with {@code ***} before it reaches an event, a report or the
 * context file — defence in depth for tools that echo what they were given.
 */
public final class Redactor {

    // shorter values would blank out ordinary words; no real token, password or key is this short
    private static final int MIN_LENGTH = 4;

    private final List<String> values;

    private Redactor(List<String> values) {
        this.values = values;
    }

    /** A redactor for these secrets (empty and very short values are ignored). */
    public static Redactor of(Collection<Secret> secrets) {
        List<String> list = new ArrayList<>();
        for (Secret s : secrets) {
            String v = s.reveal();
            if (v.length() >= MIN_LENGTH && !list.contains(v)) {
                list.add(v);
            }
        }
        // longest first, so that a secret containing another is masked whole
        list.sort(Comparator.comparingInt(String::length).reversed());
        return new Redactor(List.copyOf(list));
    }

    /** The text with every secret value replaced by {@code ***}. */
    public String redact(String text) {
        String out = text;
        for (String v : values) {
            if (out.contains(v)) {
                out = out.replace(v, Secret.MASK);
            }
        }
        return out;
    }

    /** A JSON-like value (string, list, map, scalar) with secrets redacted in every string. */
    public Object redactValue(Object value) {
        if (values.isEmpty()) {
            return value;
        }
        return switch (value) {
            case String s -> redact(s);
            case Collection<?> c ->
                c.stream().map(v -> v == null ? "" : redactValue(v)).toList();
            case Map<?, ?> m -> {
                Map<String, Object> copy = new LinkedHashMap<>();
                m.forEach((k, v) -> copy.put(redact(String.valueOf(k)), v == null ? "" : redactValue(v)));
                yield copy;
            }
            default -> value;
        };
    }
}
