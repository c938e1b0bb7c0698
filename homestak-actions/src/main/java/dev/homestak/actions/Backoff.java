package dev.homestak.actions;

import java.time.Duration;

/**
 * Pauses between polls: 50 ms, doubling up to a cap. Waits for something that becomes true at an
 * unknown moment (a guest agent, an SSH server, a lost write's effect) notice it within one cap of
 * it happening while spending few requests on the slow start.
 */
final class Backoff {

    /**
     * The cap for waits a user sits through (guest agent IP, SSH): at most 4 probes a second, and
     * noticed at most 250 ms late. The original slept a fixed 5 s between probes (2.5 s late on average).
     */
    static final Duration WAIT_CAP = Duration.ofMillis(250);

    private static final Duration FIRST = Duration.ofMillis(50);

    private final Duration cap;
    private Duration next;

    private Backoff(Duration cap) {
        this.cap = cap;
        this.next = FIRST.compareTo(cap) < 0 ? FIRST : cap;
    }

    /** Pauses of 50 ms doubling up to {@code cap}. */
    static Backoff upTo(Duration cap) {
        return new Backoff(cap);
    }

    /** The next pause, never longer than {@code left} (the time to a deadline). */
    Duration next(Duration left) {
        Duration pause = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(cap) > 0 ? cap : doubled;
        return pause.compareTo(left) < 0 ? pause : left;
    }
}
