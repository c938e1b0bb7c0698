package dev.homestak.core;

import java.util.Objects;

/**
 * A typed key of {@link Facts}: a name as used in the original's context file ({@code vm_ip},
 * {@code inner_ip}, {@code <vmname>_vm_id}, {@code provisioned_vms}, ...) and the {@link FactCodec} between the
 * typed value and its form in that file.
 *
 * @param name  the key's name in the flat JSON object
 * @param codec how the value is written and read back
 * @param <T>   the type of the value
 */
public record Key<T>(String name, FactCodec<T> codec) {

    /** Validates that the name is non-blank. */
    public Key {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(codec, "codec");
        if (name.isBlank()) {
            throw new IllegalArgumentException("key name must not be blank");
        }
    }

    /** A scalar-valued key of {@code type} ({@link FactCodec#scalar}). */
    public static <T> Key<T> of(String name, Class<T> type) {
        return new Key<>(name, FactCodec.scalar(type));
    }

    /** A key whose values are written and read with {@code codec} (structured facts). */
    public static <T> Key<T> of(String name, FactCodec<T> codec) {
        return new Key<>(name, codec);
    }

    /** A string-valued key. */
    public static Key<String> string(String name) {
        return of(name, String.class);
    }

    /** An integer-valued key (VM ids). */
    public static Key<Integer> integer(String name) {
        return of(name, Integer.class);
    }
}
