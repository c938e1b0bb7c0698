package dev.homestak.bench;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Manifests: a flat manifest of 32 vm nodes applied on the simulator (instant timing) against a 1-node one (target:
 * at most 1.5 times as long), at the default bound (8 steps per host) and at {@code --parallel 32}; and
 * {@code homestak manifest test -M n1-push -H sim} (instant profile) wall time including JVM start (target 2 s).
 */
final class ManifestBench {

    private ManifestBench() {}

    /** Only these benchmarks: {@code ManifestBench OUT_DIR LAUNCHER [REPEATS]}. */
    public static void main(String[] args) throws Exception {
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        System.out.print(Table.markdown(run(Path.of(args[0]), repeats, 32, Optional.of(Path.of(args[1])))));
    }

    static List<Row> run(Path dir, int repeats, int big, Optional<Path> launcher)
            throws IOException, InterruptedException {
        List<Row> rows =
                new ArrayList<>(ratios(dir.resolve("instant"), Timing.instant(), "instant timing", repeats, big));
        rows.addAll(ratios(
                dir.resolve("realistic"),
                Timing.realistic().withSpeedFactor(FanOut.SPEED),
                "realistic timing x" + FanOut.SPEED + " (as fan-out)",
                Math.max(1, repeats / 3),
                big));
        if (launcher.isPresent()) {
            rows.add(cli(launcher.get(), dir, repeats));
        }
        return rows;
    }

    private static List<Row> ratios(Path dir, Timing timing, String label, int repeats, int big) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BenchSite site = BenchSite.start(dir, timing, 1)) {
            SiteConfig config = SiteConfig.load(dir.resolve("site-config"))
                    .getOrElseThrow(f -> new IllegalStateException(f.message()));
            ManifestRunner runner = ManifestRunner.builder()
                    .hostConfig(site.host)
                    .site(config)
                    .ports(site.ports())
                    .stateStore(StateStore.at(dir.resolve("state")))
                    .noReports()
                    .build();
            Manifest one = flat(dir, config, "bench-1", 1);
            Manifest many = flat(dir, config, "bench-" + big, big);
            applyOnce(runner, one, ManifestOptions.defaults()); // warm-up: JIT, TLS, SSH, image download
            Stats s1 = applies(runner, one, repeats, ManifestOptions.defaults());
            Stats s8 = applies(runner, many, repeats, ManifestOptions.defaults());
            Stats sAll =
                    applies(runner, many, repeats, ManifestOptions.defaults().withParallel(big));
            for (var entry :
                    List.of(new Object[] {"default --parallel 8", s8}, new Object[] {"--parallel " + big, sAll})) {
                Stats s = (Stats) entry[1];
                double ratio = s.p50() / s1.p50();
                rows.add(Row.target(
                        "manifest apply",
                        big + " vm nodes vs 1 (" + entry[0] + "), " + label,
                        String.format(
                                Locale.ROOT,
                                "%.2fx (1 node p50 %.0f ms; %d nodes %s)",
                                ratio,
                                s1.p50(),
                                big,
                                s.describe("ms")),
                        "<= 1.5x",
                        ratio <= 1.5));
            }
        }
        return rows;
    }

    private static Stats applies(ManifestRunner runner, Manifest m, int repeats, ManifestOptions options) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            ms.add(applyOnce(runner, m, options));
        }
        return Stats.of(ms);
    }

    /** One apply of a fresh deployment (timed), then its destroy (not timed); the apply's milliseconds. */
    private static double applyOnce(ManifestRunner runner, Manifest m, ManifestOptions options) {
        long t0 = System.nanoTime();
        ManifestResult r =
                runner.run(Verb.APPLY, m, options).getOrElseThrow(f -> new IllegalStateException(f.message()));
        double ms = (System.nanoTime() - t0) / 1e6;
        if (!r.success()) {
            throw new IllegalStateException(
                    "bench apply failed: " + r.report().failureSummary().orElse(""));
        }
        runner.run(Verb.DESTROY, m, ManifestOptions.defaults())
                .getOrElseThrow(f -> new IllegalStateException(f.message()));
        return ms;
    }

    private static Manifest flat(Path dir, SiteConfig site, String name, int count) throws IOException {
        StringBuilder yaml = new StringBuilder("schema_version: 2\nname: " + name + "\npattern: flat\nnodes:\n");
        for (int i = 1; i <= count; i++) {
            yaml.append("  - {name: n")
                    .append(i)
                    .append(", type: vm, preset: vm-small, image: debian-12, vmid: ")
                    .append(40000 + i)
                    .append("}\n");
        }
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, yaml);
        return Manifests.load(ManifestSource.ofFlag(file.toString()), site)
                .getOrElseThrow(f -> new IllegalStateException(f.message()));
    }

    /** {@code homestak manifest test -M n1-push -H sim} on the v2 fixture with an instant profile, JVM start included. */
    private static Row cli(Path launcher, Path dir, int repeats) throws IOException, InterruptedException {
        Path fixture = launcher.toAbsolutePath()
                .getParent()
                .resolve("../shared/fixtures/site-config-v2")
                .normalize();
        Path profile = dir.resolve("instant.yaml");
        Files.writeString(profile, "timing:\n  speed: 0\n");
        List<String> command = List.of(
                launcher.toString(),
                "manifest",
                "test",
                "-M",
                "n1-push",
                "-H",
                "sim",
                "--site-config",
                fixture.toString(),
                "--sim-profile",
                profile.toString(),
                "--state-dir",
                dir.resolve("cli-state").toString(),
                "--report-dir",
                dir.resolve("cli-reports").toString());
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
