package dev.homestak.scenarios.internal;

import dev.homestak.core.internal.PyJson;
import dev.homestak.scenarios.PhaseResult;
import dev.homestak.scenarios.RunOutcome;
import dev.homestak.scenarios.RunReport;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The Markdown report in the original's format (seed-system §6.3): same header, table and footer, no trailing
 * newline. Fixed: cells are escaped ({@code |}, line breaks as {@code <br>}, no ANSI codes), phases never
 * reached are listed as {@code ❓ not run}. Added only when they apply: an {@code **Outcome**} line for
 * interrupted runs and failed cleanups, and a {@code ## Cleanup} section when cleanup ran
 * after a failure or a cancellation.
 */
public final class MarkdownReport {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private MarkdownReport() {}

    /** The report; {@code generated} is the time of the {@code Generated:} footer. */
    public static String render(RunReport report, ZoneId zone, Instant generated) {
        StringBuilder md = new StringBuilder(1024);
        md.append("# ").append(report.scenario()).append("\n\n");
        md.append("**Host**: ").append(report.host()).append('\n');
        md.append("**Status**: ").append(report.passed() ? "PASSED" : "FAILED").append('\n');
        md.append("**Date**: ")
                .append(DATE.format(ReportFormat.local(report.startedAt(), zone)))
                .append('\n');
        md.append("**Duration**: ")
                .append(ReportFormat.oneDecimal(ReportFormat.seconds(report.duration())))
                .append("s\n");
        if (report.outcome() == RunOutcome.INTERRUPTED) {
            md.append("**Outcome**: interrupted")
                    .append(report.interruptedBy().map(by -> " (" + by + ")").orElse(""))
                    .append('\n');
        } else if (report.outcome() == RunOutcome.CLEANUP_FAILED) {
            md.append("**Outcome**: cleanup failed, resources may be left behind\n");
        }
        md.append("\n## Phases\n\n");
        md.append("| Phase | Status | Duration | Message |\n");
        md.append("|-------|--------|----------|---------|\n");
        for (PhaseResult p : report.phases()) {
            md.append("| ")
                    .append(ReportText.markdownCell(p.name()))
                    .append(" | ")
                    .append(p.status().emoji())
                    .append(' ')
                    .append(p.status().label())
                    .append(" | ")
                    .append(ReportFormat.oneDecimal(ReportFormat.seconds(p.duration())))
                    .append('s')
                    .append(" | ")
                    .append(ReportText.markdownCell(p.message()))
                    .append(" |\n");
        }
        cleanup(md, report);
        md.append("\n---\nGenerated: ").append(PyJson.isoformat(ReportFormat.local(generated, zone)));
        return md.toString();
    }

    private static void cleanup(StringBuilder md, RunReport report) {
        // a passed roundtrip's teardown is just its last phases; the section explains cleanup after a failure
        if (!report.cleanup().ran() || report.passed()) {
            return;
        }
        md.append("\n## Cleanup\n\n");
        for (String line : report.cleanup().cleaned()) {
            md.append("- cleaned: ").append(ReportText.markdownCell(line)).append('\n');
        }
        for (String line : report.cleanup().remaining()) {
            md.append("- **not cleaned**: ")
                    .append(ReportText.markdownCell(line))
                    .append('\n');
        }
    }
}
