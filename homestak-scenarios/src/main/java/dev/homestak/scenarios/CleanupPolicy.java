package dev.homestak.scenarios;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * When a run's cleanup (destructor) phases run: after success, after failure or cancellation, both, or never.
 *
 * <p>{@code on-success} keeps a failed environment for debugging; {@code on-failure} keeps a working one
 * for use. Roundtrips default to {@link #ALWAYS}, constructors to {@link #NEVER} (they exist to build
 * something that stays).
 */
public enum CleanupPolicy {
    /** Clean up after every run. */
    ALWAYS,
    /** Clean up only when every phase passed; keep failed environments. */
    ON_SUCCESS,
    /** Clean up only after a failure, a timeout or a cancellation; keep working environments. */
    ON_FAILURE,
    /** Never clean up. */
    NEVER;

    /** The CLI spelling: {@code always}, {@code on-success}, {@code on-failure}, {@code never}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** True when cleanup runs after a run that passed so far. */
    public boolean afterSuccess() {
        return this == ALWAYS || this == ON_SUCCESS;
    }

    /** True when cleanup runs after a failure, a timeout or a cancellation. */
    public boolean afterFailure() {
        return this == ALWAYS || this == ON_FAILURE;
    }

    /** The policy for a CLI spelling, if it is one. */
    public static Optional<CleanupPolicy> parse(String text) {
        return Arrays.stream(values())
                .filter(p -> p.cliName().equals(text.strip().toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /** The valid spellings, for error messages: {@code always, on-success, on-failure, never}. */
    public static String choices() {
        return Arrays.stream(values()).map(CleanupPolicy::cliName).collect(Collectors.joining(", "));
    }
}
