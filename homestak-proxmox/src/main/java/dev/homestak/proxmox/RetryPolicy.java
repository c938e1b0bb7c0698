package dev.homestak.proxmox;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How transient failures are retried: capped exponential backoff with full jitter, bounded by an
 * overall deadline and an attempt count. Reads are retried on any transient failure; writes only
 * when PVE certainly did not act (connection never made, 502/503/595, {@code got no worker upid},
 * a sync lock timeout). A write with an unknown outcome is never resent.
 *
 * @param maxAttempts attempts in total, at least 1
 * @param initialBackoff the first pause
 * @param maxBackoff the cap for any pause
 * @param deadline no retry starts after this much time since the first attempt
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration deadline) {

    /** Validates. */
    public RetryPolicy {
        requireNonNull(initialBackoff, "initialBackoff");
        requireNonNull(maxBackoff, "maxBackoff");
        requireNonNull(deadline, "deadline");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** 4 attempts, 200 ms doubling to 5 s, within 30 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    /** No retries at all. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /** The upper bound of the pause before attempt {@code attempt + 1} (attempt counts from 1). */
    Duration backoffCap(int attempt) {
        long millis = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
