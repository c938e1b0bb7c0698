package dev.homestak.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs every benchmark and prints one table. {@code --smoke}: each benchmark once with tiny sizes (what CI
 * runs, so the benchmarks keep working; figures from it mean nothing). Benchmarks never fail on a time.
 * Options: {@code --launcher PATH} (the {@code homestak} script; start-up is skipped without it),
 * {@code --out DIR} (work files, {@code results.md}, {@code fanout.svg}), {@code --svg FILE} (the fan-out chart;
 * {@code manifests.svg} goes beside it).
 */
public final class BenchMain {

    private BenchMain() {}

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        List<Row> rows = run(Options.parse(args));
        System.out.print(Table.markdown(rows));
    }

    /** Runs the benchmarks selected by {@code options}; returns the table's rows (results.md and the SVG written). */
    public static List<Row> run(Options options) throws Exception {
        Path out = Files.createDirectories(options.out());
        List<Row> rows = new ArrayList<>();
        if (options.launcher().isPresent()) {
            rows.addAll(Startup.run(
                    options.launcher().get(),
                    options.smoke() ? 1 : 21,
                    List.of(List.of("--list-scenarios"), List.of("--help"))));
        }
        rows.addAll(EngineOverhead.run(out.resolve("engine"), options.smoke() ? 2 : 21));
        rows.addAll(WaitLatency.run(out.resolve("wait"), options.smoke() ? 3 : 60, 20260103L));
        Map<Integer, Double> fan = FanOut.measure(
                out.resolve("fanout"),
                options.smoke() ? List.of(1, 2) : List.of(1, 8, 32, 64),
                options.smoke() ? 0.01 : FanOut.SPEED);
        rows.addAll(FanOut.rows(fan));
        ManifestBench.Result manifests = ManifestBench.run(
                out.resolve("manifests"),
                options.smoke() ? 1 : 7,
                options.smoke() ? List.of(1, 2) : List.of(1, 8, 16, 32),
                options.launcher());
        rows.addAll(manifests.rows());
        rows.addAll(Throughput.run(
                out.resolve("throughput"),
                Duration.ofSeconds(options.smoke() ? 1 : 5),
                8,
                options.smoke() ? 100 : 1000));
        String header = machine();
        Files.writeString(out.resolve("results.md"), header + "\n\n" + Table.markdown(rows));
        Path fanOutSvg = options.svg().orElse(out.resolve("fanout.svg"));
        Files.writeString(fanOutSvg, SvgChart.fanOut(fan, header));
        Files.writeString(fanOutSvg.resolveSibling("manifests.svg"), ManifestBench.chart(manifests, header));
        return rows;
    }

    /** Date, CPUs, load, JVM: what the figures were measured on. */
    static String machine() {
        String load = "n/a";
        try {
            load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            // not Linux: no load figure
        }
        return ZonedDateTime.now()
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        .substring(0, 16) + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs, load " + load + " at the end, "
                + ManagementFactory.getRuntimeMXBean().getVmName() + " " + Runtime.version();
    }
}
