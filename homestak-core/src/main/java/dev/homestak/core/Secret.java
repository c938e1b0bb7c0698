package dev.homestak.core;

import java.util.Objects;

/**
 * A token, password or private key. Its {@link #toString()} (and hence logs, reports, JSON and
 * exception messages built from it) shows {@code ***}; only {@link #reveal()} gives the value.
 *
 * <p>Equality compares values in constant time so that secrets can sit in records.
 */
public final class Secret {

    /** What every rendering of a secret shows instead of the value. */
    public static final String MASK = "***";

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** Wraps a secret value. */
    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The secret value itself; call only where it is sent to the system that needs it. */
    public String reveal() {
        return value;
    }

    /** True when the secret value is the empty string. */
    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return MASK;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that
                && java.security.MessageDigest.isEqual(
                        value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        that.value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        // constant: a hash derived from the value would leak information about it
        return 0x5ec2e7;
    }
}
