package dev.homestak.scenarios.internal;

import dev.homestak.core.internal.PyJson;
import dev.homestak.scenarios.RunEvent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Renders {@link RunEvent}s as the versioned JSON-lines schema ({@code "v":1}). */
public final class EventJson {

    private EventJson() {}

    /** One compact JSON object: {@code v}, {@code type}, {@code run_id}, {@code seq}, {@code ts}, then the fields. */
    public static String render(RunEvent event) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("v", RunEvent.SCHEMA_VERSION);
        m.put("type", type(event));
        m.put("run_id", event.runId());
        m.put("seq", event.seq());
        m.put("ts", event.at().toString());
        switch (event) {
            case RunEvent.RunStarted e -> {
                m.put("scenario", e.scenario());
                m.put("host", e.host());
                m.put("phases", e.phases());
                m.put("dry_run", e.dryRun());
            }
            case RunEvent.PhaseStarted e -> {
                m.put("phase", e.phase());
                m.put("description", e.description());
                m.put("cleanup", e.cleanup());
            }
            case RunEvent.PhasePassed e -> phaseEnd(m, e.phase(), e.message(), e.duration());
            case RunEvent.PhaseFailed e -> phaseEnd(m, e.phase(), e.message(), e.duration());
            case RunEvent.PhaseSkipped e -> {
                m.put("phase", e.phase());
                m.put("reason", e.reason());
            }
            case RunEvent.Progress e -> {
                m.put("phase", e.phase());
                m.put("line", ReportText.stripAnsi(e.line()));
            }
            case RunEvent.ToolOutput e -> {
                m.put("phase", e.phase());
                m.put("tool", e.tool());
                m.put("stream", e.stream());
                m.put("line", ReportText.stripAnsi(e.line()));
            }
            case RunEvent.Retry e -> {
                m.put("phase", e.phase());
                m.put("request", e.notice().request());
                m.put("problem", ReportText.stripAnsi(e.notice().problem()));
                m.put("attempt", e.notice().attempt());
                m.put("pause", ReportFormat.seconds(e.notice().pause()));
            }
            case RunEvent.RunFinished e -> {
                m.put("outcome", e.outcome().name().toLowerCase(Locale.ROOT));
                m.put("duration", ReportFormat.seconds(e.duration()));
            }
        }
        return PyJson.compact(m);
    }

    /** The {@code type} field: the record name in snake case ({@code phase_started}). */
    public static String type(RunEvent event) {
        String simple = event.getClass().getSimpleName();
        return simple.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static void phaseEnd(Map<String, Object> m, String phase, String message, Duration duration) {
        m.put("phase", phase);
        m.put("message", ReportText.stripAnsi(message));
        m.put("duration", ReportFormat.seconds(duration));
    }
}
