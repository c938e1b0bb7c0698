package dev.homestak.scenarios;

import java.util.List;

/**
 * What the cleanup of a run did: the destructor phases that ran after a failure, a cancellation or a
 * timeout (or at the end of a roundtrip) and what each removed or could not remove.
 *
 * @param ran true when cleanup ran at all (false under policy {@code never}, or when nothing needed cleaning)
 * @param cleaned one line per cleanup phase that succeeded ({@code "destroy: Destroyed VM 99901"})
 * @param remaining one line per cleanup phase that failed or could not run; resources may be left
 */
public record CleanupSummary(boolean ran, List<String> cleaned, List<String> remaining) {

    private static final CleanupSummary NONE = new CleanupSummary(false, List.of(), List.of());

    /** Copies the lists. */
    public CleanupSummary {
        cleaned = List.copyOf(cleaned);
        remaining = List.copyOf(remaining);
    }

    /** No cleanup ran. */
    public static CleanupSummary none() {
        return NONE;
    }

    /** True when cleanup ran and something could not be cleaned. */
    public boolean failed() {
        return !remaining.isEmpty();
    }
}
