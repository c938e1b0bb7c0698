package dev.homestak.core;

import java.util.Objects;

/**
 * A typed key of {@link Facts}: a name as used in the original's context file ({@code vm_ip},
 * {@code inner_ip}, {@code <vmname>_vm_id}, ...) and the Java type of its value.
 *
 * <p>Supported value types are {@link String}, {@link Integer}, {@link Long}, {@link Boolean},
 * {@link Double} and {@link java.util.List} of those (serialised as JSON arrays).
 *
 * @param name the key's name in the flat JSON object
 * @param type the type of the value
 * @param <T> the type of the value
 */
public record Key<T>(String name, Class<T> type) {

    /** Validates that the name is non-blank. */
    public Key {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("key name must not be blank");
        }
    }

    /** A key with the given name and value type. */
    public static <T> Key<T> of(String name, Class<T> type) {
        return new Key<>(name, type);
    }

    /** A string-valued key. */
    public static Key<String> string(String name) {
        return new Key<>(name, String.class);
    }

    /** An integer-valued key (VM ids). */
    public static Key<Integer> integer(String name) {
        return new Key<>(name, Integer.class);
    }
}
