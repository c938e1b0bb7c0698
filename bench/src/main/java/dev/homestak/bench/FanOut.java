package dev.homestak.bench;

import dev.homestak.scenarios.RunOptions;
import dev.homestak.scenarios.RunReport;
import dev.homestak.scenarios.Scenario;
import dev.homestak.scenarios.ScenarioRegistry;
import dev.homestak.sim.Timing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code simple-vm-constructor} for an env of N VMs on a simulator whose guests boot in 2 s (the realistic
 * model at speed 0.1): wall time per N, then the destructor (not measured).
 */
final class FanOut {

    static final double SPEED = 0.1; // realistic() boot 20 s -> 2 s

    private FanOut() {}

    /** Wall time in seconds per N. */
    static Map<Integer, Double> measure(Path dir, List<Integer> sizes, double speed) {
        Scenario constructor = find("simple-vm-constructor");
        Scenario destructor = find("simple-vm-destructor");
        Map<Integer, Double> seconds = new LinkedHashMap<>();
        for (int n : sizes) {
            try (BenchSite site =
                    BenchSite.start(dir.resolve("n" + n), Timing.realistic().withSpeedFactor(speed), n)) {
                // the image once, outside the measurement: the curve is about VMs, not one download
                RunOptions options = RunOptions.builder().env("bench").build();
                RunOptions warm = RunOptions.builder().env("test").build();
                check(site.runner(dir.resolve("reports"))
                        .run(find("simple-vm-roundtrip"), warm)
                        .get());
                long t0 = System.nanoTime();
                check(site.runner(dir.resolve("reports"))
                        .run(constructor, options)
                        .get());
                seconds.put(n, (System.nanoTime() - t0) / 1e9);
                check(site.runner(dir.resolve("reports"))
                        .run(destructor, options)
                        .get());
            }
        }
        return seconds;
    }

    static List<Row> rows(Map<Integer, Double> seconds) {
        List<Row> rows = new ArrayList<>();
        double t1 = seconds.values().iterator().next();
        int first = seconds.keySet().iterator().next();
        seconds.forEach((n, s) -> rows.add(Row.info(
                "fan-out",
                "simple-vm-constructor, N = " + n,
                String.format("%.2f s (%.2f x T(%d); the original: about %d x)", s, s / t1, first, n / first))));
        int last = new ArrayList<>(seconds.keySet()).getLast();
        double ratio = seconds.get(last) / t1;
        rows.add(Row.target(
                "fan-out", "T(" + last + ") / T(" + first + ")", String.format("%.2f", ratio), "<= 1.5", ratio <= 1.5));
        return rows;
    }

    private static Scenario find(String name) {
        return ScenarioRegistry.load().find(name).getOrElseThrow(f -> new IllegalStateException(f.message()));
    }

    private static void check(RunReport report) {
        if (!report.passed()) {
            throw new IllegalStateException(
                    report.scenario() + " failed: " + report.failureSummary().orElse(""));
        }
    }
}
