package dev.homestak.scenarios.internal;

import dev.homestak.core.internal.PyJson;
import dev.homestak.scenarios.PhaseResult;
import dev.homestak.scenarios.RunReport;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON report in the original's format (seed-system §6.2): the same fields, order and value formats,
 * with the real phase description instead of the phase name, phases never reached listed as {@code not_run},
 * and fields appended after {@code phases}: {@code run_id}, {@code outcome}, {@code interrupted_by} (only when
 * interrupted: {@code SIGINT}, {@code SIGTERM}, {@code SIGHUP}) and {@code cleanup}.
 */
public final class JsonReport {

    private JsonReport() {}

    /** The report as Python's {@code json.dumps(indent=2)} would write it. */
    public static String render(RunReport report, ZoneId zone) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("scenario", report.scenario());
        root.put("host", report.host());
        root.put("success", report.passed());
        root.put("started_at", PyJson.isoformat(ReportFormat.local(report.startedAt(), zone)));
        root.put("finished_at", PyJson.isoformat(ReportFormat.local(report.finishedAt(), zone)));
        root.put("duration", ReportFormat.secondsMicros(report.duration()));
        List<Object> phases = new ArrayList<>();
        for (PhaseResult p : report.phases()) {
            phases.add(phase(p));
        }
        root.put("phases", phases);
        root.put("run_id", report.runId());
        root.put("outcome", report.outcome().name().toLowerCase(Locale.ROOT));
        report.interruptedBy().ifPresent(by -> root.put("interrupted_by", by));
        Map<String, Object> cleanup = new LinkedHashMap<>();
        cleanup.put("ran", report.cleanup().ran());
        cleanup.put("cleaned", report.cleanup().cleaned());
        cleanup.put("remaining", report.cleanup().remaining());
        root.put("cleanup", cleanup);
        return PyJson.pretty(root);
    }

    private static Map<String, Object> phase(PhaseResult p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("description", p.description());
        m.put("status", p.status().jsonValue());
        m.put("message", p.message());
        m.put("duration", ReportFormat.seconds(p.duration()));
        return m;
    }
}
