package dev.homestak.bench;

import dev.homestak.scenarios.RunOptions;
import dev.homestak.scenarios.RunReport;
import dev.homestak.scenarios.Scenario;
import dev.homestak.scenarios.ScenarioRegistry;
import dev.homestak.sim.RecordedRequest;
import dev.homestak.sim.Timing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code simple-vm-roundtrip} on the simulator with zero delays, in a warm JVM (so JVM start is not in it):
 * the engine's own time, and the API requests and SSH connections it made.
 */
final class EngineOverhead {

    private EngineOverhead() {}

    static List<Row> run(Path dir, int runs) {
        Scenario roundtrip = ScenarioRegistry.load()
                .find("simple-vm-roundtrip")
                .getOrElseThrow(f -> new IllegalStateException(f.message()));
        List<Double> wall = new ArrayList<>();
        double first = 0;
        int requests = 0;
        int ssh = 0;
        Map<String, Long> byCall = Map.of();
        try (BenchSite site = BenchSite.start(dir, Timing.instant(), 1)) {
            for (int i = 0; i < runs; i++) {
                int before = site.sim.requests().size();
                int sshBefore = site.sshConnections.get();
                long t0 = System.nanoTime();
                RunReport report = site.runner(dir.resolve("reports"))
                        .run(roundtrip, RunOptions.builder().env("test").build())
                        .getOrElseThrow(f -> new IllegalStateException(f.message()));
                double ms = (System.nanoTime() - t0) / 1e6;
                if (!report.passed()) {
                    throw new IllegalStateException(
                            "roundtrip failed: " + report.failureSummary().orElse(""));
                }
                if (i == 0) {
                    first = ms;
                } else {
                    wall.add(ms);
                }
                List<RecordedRequest> made =
                        site.sim.requests().subList(before, site.sim.requests().size());
                requests = made.size();
                ssh = site.sshConnections.get() - sshBefore;
                byCall = made.stream()
                        .collect(Collectors.groupingBy(EngineOverhead::shape, TreeMap::new, Collectors.counting()));
            }
        }
        Stats warm = Stats.of(wall.isEmpty() ? List.of(first) : wall);
        List<Row> rows = new ArrayList<>();
        rows.add(Row.target(
                "engine overhead",
                "simple-vm-roundtrip, zero delays, warm JVM",
                warm.describe("ms"),
                "<= 300 ms",
                warm.p50() <= 300));
        rows.add(Row.info(
                "engine overhead",
                "first run in a fresh JVM (class loading, TLS, SSH keys)",
                String.format("%.0f ms", first)));
        rows.add(Row.info("engine overhead", "API requests per roundtrip", Integer.toString(requests)));
        rows.add(Row.info("engine overhead", "SSH connections per roundtrip", Integer.toString(ssh)));
        rows.add(Row.info("engine overhead", "requests by call", byCall.toString()));
        return rows;
    }

    /** {@code GET /nodes/{node}/qemu/{vmid}/status/current}: ids and UPIDs folded, so calls group. */
    static String shape(RecordedRequest r) {
        return r.method() + " "
                + r.path()
                        .replaceAll("UPID:[^/]+", "{upid}")
                        .replaceAll("/\\d+(?=/|$)", "/{vmid}")
                        .replaceAll("/nodes/[^/]+", "/nodes/{node}");
    }
}
