package dev.homestak.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * The one backoff policy of homestak: how the Proxmox client retries a transient failure, how
 * {@code Action.retry} tries an action again, and how waits poll. Up to {@code maxAttempts}, waiting
 * {@code initialDelay × multiplier^(n-1)} capped at {@code maxDelay}, reduced by up to {@code jitter} (a
 * fraction) at random so that parallel retries spread out, and never past {@code deadline} counted from the
 * first attempt. Which failures are retried is the user's business (the client's rules, or a predicate).
 *
 * @param maxAttempts  attempts in total, at least 1
 * @param initialDelay wait after the first failure
 * @param maxDelay     cap of any wait
 * @param multiplier   growth per attempt, at least 1
 * @param jitter       fraction in [0, 1] of each wait that may be removed at random
 * @param deadline     overall limit from the first attempt; none when empty
 */
public record RetryPolicy(
        int maxAttempts,
        Duration initialDelay,
        Duration maxDelay,
        double multiplier,
        double jitter,
        Optional<Duration> deadline) {

    private static final RandomGenerator RANDOM = new Random(); // thread-safe

    /** Validates components. */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay");
        }
        if (multiplier < 1.0 || jitter < 0.0 || jitter > 1.0) {
            throw new IllegalArgumentException("need multiplier >= 1 and 0 <= jitter <= 1");
        }
        Objects.requireNonNull(deadline, "deadline");
    }

    /** A builder: 3 attempts, 1 s doubling to 30 s, 20 % jitter, no deadline. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this policy's values. */
    public Builder toBuilder() {
        Builder b = new Builder()
                .maxAttempts(maxAttempts)
                .backoff(initialDelay, maxDelay)
                .multiplier(multiplier)
                .jitter(jitter);
        deadline.ifPresent(b::deadline);
        return b;
    }

    /** No retries at all. */
    public static RetryPolicy none() {
        return builder()
                .maxAttempts(1)
                .backoff(Duration.ZERO, Duration.ZERO)
                .jitter(0)
                .build();
    }

    /**
     * Polling a condition that becomes true at an unknown moment (a guest agent, an SSH server, a lost write's
     * effect): 50 ms doubling up to {@code cap}, no jitter, no attempt limit. Noticed within one cap of it
     * happening, with few requests spent on the slow start.
     */
    public static RetryPolicy polling(Duration cap) {
        Duration first = Duration.ofMillis(50).compareTo(cap) < 0 ? Duration.ofMillis(50) : cap;
        return builder()
                .maxAttempts(Integer.MAX_VALUE)
                .backoff(first, cap)
                .jitter(0)
                .build();
    }

    /**
     * The wait after failed attempt {@code attempt} (1-based): the capped exponential delay minus a random part of
     * at most {@code jitter} of it.
     */
    public Duration delayAfter(int attempt, RandomGenerator random) {
        double exponential = initialDelay.toNanos() * Math.pow(multiplier, Math.max(0, attempt - 1));
        double capped = Math.min(exponential, maxDelay.toNanos());
        double jittered = capped * (1.0 - jitter * random.nextDouble());
        return Duration.ofNanos((long) jittered);
    }

    /** {@link #delayAfter(int, RandomGenerator)} with a shared random source. */
    public Duration delayAfter(int attempt) {
        return delayAfter(attempt, RANDOM);
    }

    /** Builds a {@link RetryPolicy}; its only mutable companion. */
    public static final class Builder {
        private int maxAttempts = 3;
        private Duration initialDelay = Duration.ofSeconds(1);
        private Duration maxDelay = Duration.ofSeconds(30);
        private double multiplier = 2.0;
        private double jitter = 0.2;
        private Optional<Duration> deadline = Optional.empty();

        private Builder() {}

        /** Attempts in total. */
        public Builder maxAttempts(int value) {
            this.maxAttempts = value;
            return this;
        }

        /** First wait and cap of all waits. */
        public Builder backoff(Duration initial, Duration max) {
            this.initialDelay = initial;
            this.maxDelay = max;
            return this;
        }

        /** Growth per attempt. */
        public Builder multiplier(double value) {
            this.multiplier = value;
            return this;
        }

        /** Fraction of each wait removed at random. */
        public Builder jitter(double value) {
            this.jitter = value;
            return this;
        }

        /** Overall limit from the first attempt. */
        public Builder deadline(Duration value) {
            this.deadline = Optional.of(value);
            return this;
        }

        /** The policy. */
        public RetryPolicy build() {
            return new RetryPolicy(maxAttempts, initialDelay, maxDelay, multiplier, jitter, deadline);
        }
    }
}
