package dev.homestak.bench;

import java.util.Arrays;
import java.util.List;

/** Order statistics of a sample (milliseconds or any unit). */
record Stats(double min, double p50, double p95, double max, double mean, int n) {

    static Stats of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Stats(
                v[0],
                percentile(v, 50),
                percentile(v, 95),
                v[v.length - 1],
                Arrays.stream(v).average().orElse(0),
                v.length);
    }

    /** Nearest-rank percentile. */
    private static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** "p50 12 ms (min 10, p95 20, max 31, n 21)". */
    String describe(String unit) {
        return String.format("p50 %.0f %s (min %.0f, p95 %.0f, max %.0f, n %d)", p50, unit, min, p95, max, n);
    }
}
