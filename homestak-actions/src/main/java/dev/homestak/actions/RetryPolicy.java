package dev.homestak.actions;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * When and how often {@link Action#retry} tries again: up to {@code maxAttempts}, waiting
 * {@code initialDelay × multiplier^(n-1)} capped at {@code maxDelay}, reduced by up to
 * {@code jitter} (a fraction) at random so that parallel retries spread out, and never past
 * {@code deadline} counted from the first attempt.
 *
 * @param maxAttempts  attempts in total, at least 1
 * @param initialDelay wait after the first failure
 * @param maxDelay     cap of any wait
 * @param multiplier   growth per attempt, at least 1
 * @param jitter       fraction in [0, 1] of each wait that may be removed at random
 * @param deadline     overall limit from the first attempt; none when empty
 * @param retryOn      which failures are worth another attempt
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, double multiplier, double jitter,
                          Optional<Duration> deadline, Predicate<ActionFailure> retryOn) {

    /** Failures retried by default: all but cancellation, bad input, config problems and rejected host keys. */
    public static final Predicate<ActionFailure> TRANSIENT = f -> !(f instanceof ActionFailure.Cancelled
            || f instanceof ActionFailure.Precondition || f instanceof ActionFailure.Config
            || f instanceof ActionFailure.Ssh ssh && ssh.permanent());

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
        Objects.requireNonNull(retryOn, "retryOn");
    }

    /** A builder: 3 attempts, 1 s doubling to 30 s, 20 % jitter, no deadline, {@link #TRANSIENT} failures. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The wait after failed attempt {@code attempt} (1-based): the capped exponential delay minus a random
     * part of at most {@code jitter} of it.
     */
    public Duration delayAfter(int attempt, RandomGenerator random) {
        double exponential = initialDelay.toNanos() * Math.pow(multiplier, Math.max(0, attempt - 1));
        double capped = Math.min(exponential, maxDelay.toNanos());
        double jittered = capped * (1.0 - jitter * random.nextDouble());
        return Duration.ofNanos((long) jittered);
    }

    /** Builds a {@link RetryPolicy}. */
    public static final class Builder {
        private int maxAttempts = 3;
        private Duration initialDelay = Duration.ofSeconds(1);
        private Duration maxDelay = Duration.ofSeconds(30);
        private double multiplier = 2.0;
        private double jitter = 0.2;
        private Optional<Duration> deadline = Optional.empty();
        private Predicate<ActionFailure> retryOn = TRANSIENT;

        private Builder() {
        }

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

        /** Which failures are retried. */
        public Builder retryOn(Predicate<ActionFailure> value) {
            this.retryOn = value;
            return this;
        }

        /** The policy. */
        public RetryPolicy build() {
            return new RetryPolicy(maxAttempts, initialDelay, maxDelay, multiplier, jitter, deadline, retryOn);
        }
    }
}
