package dev.homestak.proxmox;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Adaptive polling for tasks and waits: the first pause is short (most tasks end quickly), each
 * next one doubles up to a cap.
 *
 * @param initial the first pause
 * @param cap the longest pause
 */
public record Polling(Duration initial, Duration cap) {

    /** Validates. */
    public Polling {
        requireNonNull(initial, "initial");
        requireNonNull(cap, "cap");
        if (initial.isNegative() || cap.compareTo(initial) < 0) {
            throw new IllegalArgumentException("polling needs 0 <= initial <= cap");
        }
    }

    /** 50 ms doubling to 1 s. */
    public static Polling defaults() {
        return new Polling(Duration.ofMillis(50), Duration.ofSeconds(1));
    }

    Duration next(Duration previous) {
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(cap) > 0 ? cap : doubled;
    }
}
