package dev.homestak.core;

/**
 * A failure a user can act on: the base of every layer's sealed failure type
 * ({@code ConfigFailure}, {@code ProxmoxFailure}, {@code ActionFailure}, ...).
 *
 * <p>Failures are values, returned in the left of a vavr {@code Either}; exceptions mean bugs.
 * Lower-layer failures are wrapped by the layer above, never flattened into a string.
 */
public interface Failure {

    /**
     * One line, without a stack trace, that says what went wrong and what to do about it
     * (which file, line, key, host, VM; PVE's own reason). Never contains a secret value.
     */
    String message();
}
