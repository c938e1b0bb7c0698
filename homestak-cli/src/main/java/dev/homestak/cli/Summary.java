package dev.homestak.cli;

import dev.homestak.scenarios.PhaseResult;
import dev.homestak.scenarios.RunReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** The table printed at the end of a run: every phase, the outcome, what cleanup left, the report files. */
final class Summary {

    private Summary() {}

    /** Prints the summary of {@code report}. */
    static void print(RunReport report, PrintWriter out, int width) {
        int nameWidth = Math.max(
                5,
                report.phases().stream().mapToInt(p -> p.name().length()).max().orElse(5));
        String format = "%-" + nameWidth + "s  %-8s %8s  %s";
        out.println();
        out.println(String.format(format, "Phase", "Status", "Duration", "Message"));
        for (PhaseResult p : report.phases()) {
            String duration = p.duration().isZero() ? "" : PlainLog.seconds(p.duration());
            String status = p.status().label() + (p.cleanup() ? "*" : "");
            String head = String.format(format, p.name(), status, duration, "");
            out.println(
                    head + TerminalText.fit(TerminalText.clean(p.message()), Math.max(20, width - head.length() - 1)));
        }
        if (report.phases().stream().anyMatch(PhaseResult::cleanup)) {
            out.println("(* ran as cleanup)");
        }
        out.println();
        out.println(report.outcome()
                        .name()
                        .toLowerCase(Locale.ROOT)
                        .replace('_', ' ')
                        .toUpperCase(Locale.ROOT) + " in " + PlainLog.seconds(report.duration()) + " (run "
                + report.runId() + ")");
        report.failureSummary().ifPresent(s -> out.println(TerminalText.clean(s)));
        if (report.cleanup().failed()) {
            out.println("Resources may be left behind: "
                    + String.join("; ", report.cleanup().remaining()));
        }
        if (!report.files().isEmpty()) {
            out.println("Written:");
            for (Path file : report.files()) {
                out.println("  " + file);
            }
        }
        report.warnings().forEach(w -> out.println("warning: " + w));
        out.flush();
    }
}
