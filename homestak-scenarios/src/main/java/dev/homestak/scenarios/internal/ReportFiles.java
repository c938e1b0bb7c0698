package dev.homestak.scenarios.internal;

import dev.homestak.scenarios.RunReport;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes a run's reports into the report directory:
 * {@code YYYYMMDD-HHMMSS.{passed|failed}.json}, {@code .md} and {@code .junit.xml}, the timestamp being the
 * run's start in local time, as the original named them. Only when that name is already taken (two runs
 * starting in the same second with the same status) the scenario slug is added, as v0.51 did
 * ({@code YYYYMMDD-HHMMSS.<scenario>.{passed|failed}.json}), then a counter ({@code <scenario>-2}). Manifest runs
 * (scenarios named {@code manifest-<verb>-<name>}) always carry their name, as upstream names them
 * ({@code YYYYMMDD-HHMMSS.manifest-test-n1-push.passed.json}).
 */
public final class ReportFiles {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final int MAX_ATTEMPTS = 100;
    private static final String MANIFEST_PREFIX = "manifest-";

    private ReportFiles() {}

    /** The written files, or one line saying why the reports could not be written. */
    public static Either<String, List<Path>> write(RunReport report, Path dir, ZoneId zone, Instant generated) {
        String status = report.passed() ? "passed" : "failed";
        String stamp = STAMP.format(ReportFormat.local(report.startedAt(), zone));
        String slug = report.scenario().replace('/', '-');
        try {
            String json = JsonReport.render(report, zone);
            int first = report.scenario().startsWith(MANIFEST_PREFIX) ? 1 : 0;
            for (int attempt = first; attempt < MAX_ATTEMPTS; attempt++) {
                String stem = stamp + stemMiddle(slug, attempt) + status;
                Path jsonFile = dir.resolve(stem + ".json");
                if (AtomicFiles.writeNew(jsonFile, json)) {
                    Path md = dir.resolve(stem + ".md");
                    Path xml = dir.resolve(stem + ".junit.xml");
                    AtomicFiles.write(md, MarkdownReport.render(report, zone, generated));
                    AtomicFiles.write(xml, JunitReport.render(report, zone));
                    return Either.right(List.of(jsonFile, md, xml));
                }
            }
            return Either.left("report directory " + dir + ": no free file name for " + stamp + "." + slug);
        } catch (IOException | RuntimeException e) {
            return Either.left("could not write reports to " + dir + ": " + describe(e)
                    + " (check that the report directory is writable, or pass another one)");
        }
    }

    private static String stemMiddle(String slug, int attempt) {
        if (attempt == 0) {
            return ".";
        }
        return "." + slug + (attempt == 1 ? "" : "-" + attempt) + ".";
    }

    /** A one-line description of an I/O problem. */
    static String describe(Exception e) {
        String what = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? what : what + " " + e.getMessage();
    }
}
