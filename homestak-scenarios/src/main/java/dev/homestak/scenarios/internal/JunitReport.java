package dev.homestak.scenarios.internal;

import dev.homestak.scenarios.PhaseResult;
import dev.homestak.scenarios.PhaseStatus;
import dev.homestak.scenarios.RunReport;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The run as JUnit XML (the de-facto Ant/Surefire schema CI systems read): one {@code testsuite} per run,
 * one {@code testcase} per phase; failed phases carry a {@code failure}, skipped and never-reached ones a
 * {@code skipped} element.
 */
public final class JunitReport {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private JunitReport() {}

    /** The XML document. */
    public static String render(RunReport report, ZoneId zone) {
        long failures = count(report, PhaseStatus.FAILED);
        long skipped = count(report, PhaseStatus.SKIPPED) + count(report, PhaseStatus.NOT_RUN);
        String time = ReportFormat.threeDecimals(ReportFormat.seconds(report.duration()));
        String counts = " tests=\"" + report.phases().size() + "\" failures=\"" + failures
                + "\" errors=\"0\" skipped=\"" + skipped + "\" time=\"" + time + "\"";
        StringBuilder xml = new StringBuilder(1024);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuites name=\"homestak\"").append(counts).append(">\n");
        xml.append("  <testsuite name=\"")
                .append(ReportText.xml(report.scenario()))
                .append('"')
                .append(counts)
                .append(" timestamp=\"")
                .append(STAMP.format(ReportFormat.local(report.startedAt(), zone)))
                .append("\" hostname=\"")
                .append(ReportText.xml(report.host()))
                .append("\">\n");
        xml.append("    <properties>\n");
        property(xml, "run_id", report.runId());
        property(xml, "host", report.host());
        property(xml, "outcome", report.outcome().name().toLowerCase(Locale.ROOT));
        xml.append("    </properties>\n");
        for (PhaseResult p : report.phases()) {
            testcase(xml, report.scenario(), p);
        }
        xml.append("  </testsuite>\n</testsuites>\n");
        return xml.toString();
    }

    private static void testcase(StringBuilder xml, String scenario, PhaseResult p) {
        xml.append("    <testcase name=\"")
                .append(ReportText.xml(p.name()))
                .append("\" classname=\"")
                .append(ReportText.xml(scenario))
                .append("\" time=\"")
                .append(ReportFormat.threeDecimals(ReportFormat.seconds(p.duration())))
                .append("\">\n");
        String firstLine = p.message().lines().findFirst().orElse("");
        switch (p.status()) {
            case FAILED ->
                xml.append("      <failure message=\"")
                        .append(ReportText.xml(firstLine))
                        .append("\" type=\"PhaseFailed\">")
                        .append(ReportText.xml(p.message()))
                        .append("</failure>\n");
            case SKIPPED -> xml.append("      <skipped message=\"skipped on request\"/>\n");
            case NOT_RUN ->
                xml.append("      <skipped message=\"")
                        .append(ReportText.xml(firstLine.isEmpty() ? "not run" : firstLine))
                        .append("\"/>\n");
            case PASSED -> {}
        }
        String out =
                p.description() + (p.message().isEmpty() || p.status() == PhaseStatus.FAILED ? "" : "\n" + p.message());
        xml.append("      <system-out>").append(ReportText.xml(out)).append("</system-out>\n");
        xml.append("    </testcase>\n");
    }

    private static void property(StringBuilder xml, String name, String value) {
        xml.append("      <property name=\"")
                .append(name)
                .append("\" value=\"")
                .append(ReportText.xml(value))
                .append("\"/>\n");
    }

    private static long count(RunReport report, PhaseStatus status) {
        return report.phases().stream().filter(p -> p.status() == status).count();
    }
}
