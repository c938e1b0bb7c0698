package dev.homestak.actions;

import java.time.Duration;

/**
 * Waits between polls and retries. The system sleeper wakes up as soon as the run is cancelled;
 * tests substitute one that advances a manual clock instead of waiting.
 */
@FunctionalInterface
public interface Sleeper {

    /** Waits on the token for the duration; returns false (early) when the token was cancelled. */
    static Sleeper system() {
        return (duration, token) -> !token.await(duration) && !token.isCancelled();
    }

    /** Waits {@code duration} unless cancelled first; true when the full time passed. */
    boolean sleep(Duration duration, CancellationToken token);
}
