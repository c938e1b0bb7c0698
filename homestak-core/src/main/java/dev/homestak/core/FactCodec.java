package dev.homestak.core;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * How a fact's typed value is written to, and read back from, its form in the context file (JSON values: strings,
 * numbers, booleans, lists and maps of those): the original's names and shapes stay what users' files hold, and
 * actions see types. Reading a value of the wrong shape throws {@link IllegalStateException} naming what is wrong.
 *
 * @param <T> the typed value
 */
public interface FactCodec<T> {

    /** The context-file form of {@code value}. */
    Object encode(T value);

    /** The typed value of {@code json} (a value {@link #encode} wrote, or one read from a context file). */
    T decode(Object json);

    /** A scalar of {@code type}: {@link String}, {@link Integer}, {@link Long}, {@link Boolean}, {@link Double}, ... */
    static <T> FactCodec<T> scalar(Class<T> type) {
        return new ScalarCodec<>(Objects.requireNonNull(type, "type"));
    }

    /**
     * A list whose entries are written with {@code encode} and read with {@code decode} (which throws
     * {@link IllegalStateException} for an entry of the wrong shape).
     */
    static <E> FactCodec<List<E>> listOf(Function<E, Object> encode, Function<Object, E> decode) {
        Objects.requireNonNull(encode, "encode");
        Objects.requireNonNull(decode, "decode");
        return new FactCodec<>() {
            @Override
            public Object encode(List<E> value) {
                return value.stream().map(encode).toList();
            }

            @Override
            public List<E> decode(Object json) {
                if (!(json instanceof List<?> entries)) {
                    throw new IllegalStateException("is a " + json.getClass().getSimpleName() + ", not a list");
                }
                return entries.stream().map(decode).toList();
            }
        };
    }
}
