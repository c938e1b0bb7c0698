package dev.homestak.sim;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * One fault to inject: which {@link FaultKind}, which requests (or VM boots) it applies to, and
 * when: on exactly the {@code nth} match (a script, e.g. "the 3rd POST to .../status/start"), or
 * with probability {@code rate} per match drawn from the simulator's seeded random.
 *
 * @param kind     what happens
 * @param method   HTTP method to match ({@code GET}, {@code POST}, ...); empty matches any
 * @param path     regular expression found in the API path (after {@code /api2/json}); empty matches any
 * @param vmid     VM to match (its id in the path, or the VM booting); empty matches any
 * @param nth      fire on exactly this match (1-based); empty means "by rate"
 * @param rate     probability in [0, 1] per match when {@code nth} is empty
 * @param delay    how long a {@link FaultKind#SLOW_RESPONSE} waits (real time)
 * @param message  reason or task exit status to report; empty for the kind's default
 */
public record FaultRule(
        FaultKind kind,
        Optional<String> method,
        Optional<Pattern> path,
        OptionalInt vmid,
        OptionalInt nth,
        double rate,
        Duration delay,
        Optional<String> message) {

    /** Validates. */
    public FaultRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(vmid, "vmid");
        Objects.requireNonNull(nth, "nth");
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(message, "message");
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate must be in [0, 1], got " + rate);
        }
        if (nth.isPresent() && nth.getAsInt() < 1) {
            throw new IllegalArgumentException("nth counts from 1, got " + nth.getAsInt());
        }
        method = method.map(m -> m.toUpperCase(java.util.Locale.ROOT));
    }

    /** A builder for a rule of this kind; by default it matches everything, every time. */
    public static Builder builder(FaultKind kind) {
        return new Builder(kind);
    }

    /** The message to report, or the given default. */
    public String messageOr(String fallback) {
        return message.orElse(fallback);
    }

    /** Builds a {@link FaultRule}. */
    public static final class Builder {
        private final FaultKind kind;
        private Optional<String> method = Optional.empty();
        private Optional<Pattern> path = Optional.empty();
        private OptionalInt vmid = OptionalInt.empty();
        private OptionalInt nth = OptionalInt.empty();
        private double rate = 1.0;
        private Duration delay = Duration.ofSeconds(5);
        private Optional<String> message = Optional.empty();

        private Builder(FaultKind kind) {
            this.kind = Objects.requireNonNull(kind, "kind");
        }

        /** Match only this HTTP method. */
        public Builder method(String value) {
            method = Optional.of(value);
            return this;
        }

        /** Match only paths in which this regular expression is found. */
        public Builder path(String regex) {
            path = Optional.of(Pattern.compile(regex));
            return this;
        }

        /** Match only this VM. */
        public Builder vmid(int value) {
            vmid = OptionalInt.of(value);
            return this;
        }

        /** Fire on exactly the n-th match (1-based). */
        public Builder nth(int value) {
            nth = OptionalInt.of(value);
            return this;
        }

        /** Fire with this probability per match. */
        public Builder rate(double value) {
            rate = value;
            return this;
        }

        /** The delay of a slow response. */
        public Builder delay(Duration value) {
            delay = value;
            return this;
        }

        /** The reason or exit status to report. */
        public Builder message(String value) {
            message = Optional.of(value);
            return this;
        }

        /** The rule. */
        public FaultRule build() {
            return new FaultRule(kind, method, path, vmid, nth, rate, delay, message);
        }
    }
}
