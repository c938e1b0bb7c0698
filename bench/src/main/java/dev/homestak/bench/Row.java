package dev.homestak.bench;

import java.util.Objects;

/**
 * One line of the results table.
 *
 * @param benchmark which benchmark
 * @param metric    what was measured
 * @param value     the measured figure, with its unit
 * @param target    the target, or {@code -} when there is none
 * @param verdict   {@code met}, {@code NOT met} or {@code -}
 */
public record Row(String benchmark, String metric, String value, String target, String verdict) {

    /** Validates. */
    public Row {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(verdict, "verdict");
    }

    /** A row without a target. */
    public static Row info(String benchmark, String metric, String value) {
        return new Row(benchmark, metric, value, "-", "-");
    }

    /** A row with a target and whether it was met. */
    public static Row target(String benchmark, String metric, String value, String target, boolean met) {
        return new Row(benchmark, metric, value, target, met ? "met" : "NOT met");
    }
}
