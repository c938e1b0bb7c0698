package dev.homestak.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.homestak.core.SiteConfig;
import dev.homestak.core.manifest.Manifest;
import dev.homestak.core.manifest.ManifestSource;
import dev.homestak.core.manifest.Manifests;
import dev.homestak.manifests.ManifestOptions;
import dev.homestak.manifests.ManifestResult;
import dev.homestak.manifests.ManifestRunner;
import dev.homestak.manifests.StateStore;
import dev.homestak.manifests.Verb;
import dev.homestak.sim.Timing;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Manifests: flat manifests of N vm nodes applied on the simulator. With instant timing, 32 nodes against 1 (target:
 * at most 1.5 times as long) at the default bound (8 steps per host) and at {@code --parallel 32}, with the process
 * CPU time of each (the simulator runs in the same JVM, so that is all the work there is); with the fan-out
 * benchmark's realistic timing, the apply time for each N at both bounds (the chart); and
 * {@code homestak manifest test -M n1-push -H sim} (instant profile) wall time including JVM start (target 2 s).
 */
final class ManifestBench {

    private static final String DEFAULT_BOUND = "default --parallel 8";

    private ManifestBench() {}

    /** The table's rows and, per bound, N to the realistic-timing apply seconds (the chart). */
    record Result(List<Row> rows, Map<String, Map<Integer, Double>> curves) {}

    /** Only these benchmarks: {@code ManifestBench OUT_DIR LAUNCHER [REPEATS]}. */
    public static void main(String[] args) throws Exception {
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        Result r = run(Path.of(args[0]), repeats, List.of(1, 8, 16, 32), Optional.of(Path.of(args[1])));
        System.out.print(Table.markdown(r.rows()));
        Files.writeString(Path.of(args[0]).resolve("manifests.svg"), chart(r, "measured by ManifestBench"));
    }

    /** The chart of the realistic-timing curves. */
    static String chart(Result r, String caption) {
        return SvgChart.lines(
                "manifest apply wall time vs. vm nodes in a flat manifest (guest boot 2 s)",
                "vm nodes in the manifest (N)",
                r.curves(),
                caption);
    }

    static Result run(Path dir, int repeats, List<Integer> sizes, Optional<Path> launcher)
            throws IOException, InterruptedException {
        int big = sizes.get(sizes.size() - 1);
        List<Row> rows = new ArrayList<>(instant(dir.resolve("instant"), repeats, big));
        Map<String, Map<Integer, Double>> curves = new LinkedHashMap<>();
        rows.addAll(realistic(dir.resolve("realistic"), Math.max(1, repeats / 3), sizes, curves));
        if (launcher.isPresent()) {
            rows.add(cli(launcher.get(), dir, repeats));
            rows.add(cliApplies(launcher.get(), dir.resolve("cli-flat"), repeats, big));
        }
        return new Result(rows, curves);
    }

    private static List<Row> instant(Path dir, int repeats, int big) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (Bench bench = Bench.start(dir, Timing.instant())) {
            Manifest one = bench.flat(1);
            Manifest many = bench.flat(big);
            ManifestOptions all = ManifestOptions.defaults().withParallel(big);
            bench.applies(one, 1, ManifestOptions.defaults()); // warm-up: JIT, TLS, SSH, image download
            bench.applies(many, 1, all);
            Timed s1 = bench.applies(one, repeats, ManifestOptions.defaults());
            Timed s8 = bench.applies(many, repeats, ManifestOptions.defaults());
            Timed sAll = bench.applies(many, repeats, all);
            rows.add(ratio(big, DEFAULT_BOUND, "instant timing", s1.wall(), s8.wall()));
            rows.add(ratio(big, "--parallel " + big, "instant timing", s1.wall(), sAll.wall()));
            rows.add(Row.info(
                    "manifest apply",
                    "process CPU per apply (client + simulator), instant timing, --parallel " + big,
                    String.format(
                            Locale.ROOT,
                            "1 node %.0f ms; %d nodes %.0f ms: %.1f ms per extra node; %d nodes on %d CPUs need"
                                    + " >= %.0f ms of wall",
                            s1.cpuMillis(),
                            big,
                            sAll.cpuMillis(),
                            (sAll.cpuMillis() - s1.cpuMillis()) / (big - 1),
                            big,
                            Runtime.getRuntime().availableProcessors(),
                            sAll.cpuMillis() / Runtime.getRuntime().availableProcessors())));
        }
        return rows;
    }

    private static List<Row> realistic(
            Path dir, int repeats, List<Integer> sizes, Map<String, Map<Integer, Double>> curves) throws IOException {
        Map<Integer, Double> bounded = new TreeMap<>();
        Map<Integer, Double> unbounded = new TreeMap<>();
        try (Bench bench = Bench.start(dir, Timing.realistic().withSpeedFactor(FanOut.SPEED))) {
            bench.applies(bench.flat(1), 1, ManifestOptions.defaults()); // warm-up and image download
            for (int n : sizes) {
                Manifest m = bench.flat(n);
                bounded.put(
                        n,
                        bench.applies(m, repeats, ManifestOptions.defaults())
                                        .wall()
                                        .p50()
                                / 1000);
                unbounded.put(
                        n,
                        bench.applies(m, repeats, ManifestOptions.defaults().withParallel(n))
                                        .wall()
                                        .p50()
                                / 1000);
            }
        }
        int big = sizes.get(sizes.size() - 1);
        String label = "realistic timing x" + FanOut.SPEED + " (as fan-out)";
        curves.put("homestak, --parallel N (measured)", unbounded);
        curves.put("homestak, default --parallel 8 (measured)", bounded);
        List<Row> rows = new ArrayList<>();
        rows.add(Row.info(
                "manifest apply", "N = " + sizes + " vm nodes, " + label + ", default --parallel 8", seconds(bounded)));
        rows.add(Row.info(
                "manifest apply", "N = " + sizes + " vm nodes, " + label + ", --parallel N", seconds(unbounded)));
        double ratio = unbounded.get(big) / unbounded.get(1);
        rows.add(Row.target(
                "manifest apply",
                big + " vm nodes vs 1 (--parallel " + big + "), " + label,
                String.format(Locale.ROOT, "%.2fx", ratio),
                "<= 1.5x",
                ratio <= 1.5));
        return rows;
    }

    private static String seconds(Map<Integer, Double> byN) {
        StringBuilder s = new StringBuilder();
        byN.values().forEach(v -> s.append(s.isEmpty() ? "" : " / ").append(String.format(Locale.ROOT, "%.2f s", v)));
        return s.toString();
    }

    private static Row ratio(int big, String bound, String label, Stats one, Stats many) {
        return ratio(big + " vm nodes vs 1 (" + bound + "), " + label, big, one, many);
    }

    /** A "32 vs 1" row: the ratio of the medians, target 1.5. */
    private static Row ratio(String metric, int big, Stats one, Stats many) {
        double ratio = many.p50() / one.p50();
        return Row.target(
                "manifest apply",
                metric,
                String.format(
                        Locale.ROOT,
                        "%.2fx (1 node p50 %.0f ms; %d nodes %s)",
                        ratio,
                        one.p50(),
                        big,
                        many.describe("ms")),
                "<= 1.5x",
                ratio <= 1.5);
    }

    /** Wall times of applies and their mean process CPU time. */
    private record Timed(Stats wall, double cpuMillis) {}

    /** A simulator site, a runner on it and flat manifests of any size. */
    private record Bench(BenchSite site, SiteConfig config, ManifestRunner runner, Path dir) implements AutoCloseable {

        private static final OperatingSystemMXBean OS =
                (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        static Bench start(Path dir, Timing timing) {
            BenchSite site = BenchSite.start(dir, timing, 1);
            SiteConfig config = SiteConfig.load(dir.resolve("site-config"))
                    .getOrElseThrow(f -> new IllegalStateException(f.message()));
            ManifestRunner runner = ManifestRunner.builder()
                    .hostConfig(site.host)
                    .site(config)
                    .ports(site.ports())
                    .stateStore(StateStore.at(dir.resolve("state")))
                    .noReports()
                    .build();
            return new Bench(site, config, runner, dir);
        }

        /** {@code repeats} applies of a fresh deployment, each destroyed afterwards (not timed). */
        Timed applies(Manifest m, int repeats, ManifestOptions options) {
            List<Double> ms = new ArrayList<>();
            double cpu = 0;
            for (int i = 0; i < repeats; i++) {
                long c0 = OS.getProcessCpuTime();
                ms.add(apply(m, options));
                cpu += (OS.getProcessCpuTime() - c0) / 1e6;
                runner.run(Verb.DESTROY, m, ManifestOptions.defaults())
                        .getOrElseThrow(f -> new IllegalStateException(f.message()));
            }
            return new Timed(Stats.of(ms), cpu / repeats);
        }

        /** One apply of a fresh deployment, timed. */
        private double apply(Manifest m, ManifestOptions options) {
            long t0 = System.nanoTime();
            ManifestResult r =
                    runner.run(Verb.APPLY, m, options).getOrElseThrow(f -> new IllegalStateException(f.message()));
            double ms = (System.nanoTime() - t0) / 1e6;
            if (!r.success()) {
                throw new IllegalStateException(
                        "bench apply failed: " + r.report().failureSummary().orElse(""));
            }
            return ms;
        }

        Manifest flat(int count) throws IOException {
            return Manifests.load(ManifestSource.ofFlag(flatFile(dir, count).toString()), config)
                    .getOrElseThrow(f -> new IllegalStateException(f.message()));
        }

        @Override
        public void close() {
            site.close();
        }
    }

    /** Writes {@code dir/bench-N.yaml}: a flat manifest of {@code count} vm nodes (vm-small, debian-12). */
    private static Path flatFile(Path dir, int count) throws IOException {
        String name = "bench-" + count;
        StringBuilder yaml = new StringBuilder("schema_version: 2\nname: " + name + "\npattern: flat\nnodes:\n");
        for (int i = 1; i <= count; i++) {
            yaml.append("  - {name: n")
                    .append(i)
                    .append(", type: vm, preset: vm-small, image: debian-12, vmid: ")
                    .append(40000 + i)
                    .append("}\n");
        }
        Path file = Files.createDirectories(dir).resolve(name + ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    /** {@code homestak manifest test -M n1-push -H sim} on the v2 fixture with an instant profile, JVM start included. */
    private static Row cli(Path launcher, Path dir, int repeats) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(simCommand(launcher, dir, "test"));
        command.addAll(
                List.of("-M", "n1-push", "--state-dir", dir.resolve("cli-state").toString()));
        once(command); // builds and trains the start-up cache outside the measurement
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            once(command);
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        Stats s = Stats.of(ms);
        return Row.target(
                "manifest test",
                "homestak manifest test -M n1-push -H sim (instant), wall incl. JVM start",
                s.describe("ms"),
                "<= 2 s",
                s.p50() <= 2000);
    }

    /**
     * {@code homestak manifest apply --manifest-file bench-N.yaml -H sim} (instant profile) for 1 and {@code big}
     * nodes, alternated, each in a fresh state directory: what an operator waits for, JVM start included.
     */
    private static Row cliApplies(Path launcher, Path dir, int repeats, int big)
            throws IOException, InterruptedException {
        Map<Integer, List<Double>> ms = new TreeMap<>();
        List<String> apply = simCommand(launcher, dir, "apply");
        Map<Integer, Path> manifests = Map.of(1, flatFile(dir, 1), big, flatFile(dir, big));
        for (int i = 0; i <= repeats; i++) {
            for (int n : List.of(1, big)) {
                List<String> command = new ArrayList<>(apply);
                command.addAll(List.of(
                        "--manifest-file",
                        manifests.get(n).toString(),
                        "--state-dir",
                        dir.resolve("state-" + n + "-" + i).toString()));
                long t0 = System.nanoTime();
                once(command);
                if (i > 0) { // the first round builds and trains the start-up cache
                    ms.computeIfAbsent(n, k -> new ArrayList<>()).add((System.nanoTime() - t0) / 1e6);
                }
            }
        }
        Stats one = Stats.of(ms.get(1));
        Stats many = Stats.of(ms.get(big));
        return ratio(
                "homestak manifest apply -H sim (instant), " + big + " flat vm nodes vs 1, wall incl. JVM start",
                big,
                one,
                many);
    }

    /** {@code homestak manifest VERB -H sim} on the v2 fixture with an instant profile and reports under dir. */
    private static List<String> simCommand(Path launcher, Path dir, String verb) throws IOException {
        Path fixture = launcher.toAbsolutePath()
                .getParent()
                .resolve("../shared/fixtures/site-config-v2")
                .normalize();
        Path profile = Files.createDirectories(dir).resolve("instant.yaml");
        Files.writeString(profile, "timing:\n  speed: 0\n");
        return List.of(
                launcher.toString(),
                "manifest",
                verb,
                "-H",
                "sim",
                "--site-config",
                fixture.toString(),
                "--sim-profile",
                profile.toString(),
                "--report-dir",
                dir.resolve("cli-reports").toString());
    }

    private static void once(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove("HOMESTAK_REBUILD");
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed or did not finish within 300 s");
        }
    }
}
