package dev.homestak.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code homestak} launcher as a user starts it: wall time over N runs, and peak RSS through
 * {@code /usr/bin/time} when it is installed.
 */
final class Startup {

    private Startup() {}

    static List<Row> run(Path launcher, int runs, List<List<String>> commands)
            throws IOException, InterruptedException {
        List<Row> rows = new ArrayList<>();
        boolean time = Files.isExecutable(Path.of("/usr/bin/time"));
        for (List<String> args : commands) {
            once(launcher, args, time); // builds and trains the start-up cache outside the measurement
            List<Double> ms = new ArrayList<>();
            long rssKb = 0;
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                long rss = once(launcher, args, time);
                ms.add((System.nanoTime() - t0) / 1e6);
                rssKb = Math.max(rssKb, rss);
            }
            Stats s = Stats.of(ms);
            String label = "homestak " + String.join(" ", args);
            rows.add(Row.target("CLI start-up", label + ", wall", s.describe("ms"), "<= 150 ms", s.p50() <= 150));
            rows.add(
                    time
                            ? Row.target(
                                    "CLI start-up",
                                    label + ", peak RSS",
                                    rssKb / 1024 + " MB",
                                    "<= 128 MB",
                                    rssKb / 1024 <= 128)
                            : Row.info("CLI start-up", label + ", peak RSS", "n/a (no /usr/bin/time)"));
        }
        return rows;
    }

    /** One run; the peak RSS in KB (0 without /usr/bin/time). */
    private static long once(Path launcher, List<String> args, boolean time) throws IOException, InterruptedException {
        Path rss = Files.createTempFile("homestak-rss-", ".txt");
        List<String> command =
                new ArrayList<>(time ? List.of("/usr/bin/time", "-f", "%M", "-o", rss.toString()) : List.of());
        command.add(launcher.toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove("HOMESTAK_REBUILD"); // would rebuild on every measured start
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(launcher + " " + args + " did not finish within 300 s");
        }
        String text = Files.readString(rss).trim();
        Files.deleteIfExists(rss);
        return text.isEmpty()
                ? 0
                : Long.parseLong(text.lines().reduce((a, b) -> b).orElse("0").trim());
    }
}
