package dev.homestak.cli;

import dev.homestak.core.Secret;
import dev.homestak.core.internal.PyJson;
import dev.homestak.scenarios.PhaseResult;
import dev.homestak.scenarios.RunReport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The final result object of {@code --json-output}: the original's shape (seed-system §6.5: scenario,
 * success, duration_seconds, phases, error, context), extended with type, run id, host, outcome, each
 * phase's message, cleanup and the report files. Secret values are masked.
 */
final class ResultJson {

    private ResultJson() {}

    /** One line of JSON. */
    /** One line of JSON, with the command's exit code. */
    static String render(RunReport report, List<Secret> secrets, int exitCode) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("v", 1);
        json.put("type", "result");
        json.put("scenario", report.scenario());
        json.put("host", report.host());
        json.put("run_id", report.runId());
        json.put("success", report.passed());
        json.put("outcome", report.outcome().name().toLowerCase(java.util.Locale.ROOT));
        report.interruptedBy().ifPresent(by -> json.put("interrupted_by", by));
        json.put("exit_code", exitCode);
        json.put("duration_seconds", Math.round(report.duration().toMillis() / 10.0) / 100.0);
        json.put("phases", report.phases().stream().map(ResultJson::phase).toList());
        report.failureSummary().ifPresent(e -> json.put("error", e));
        json.put("context", context(report));
        json.put(
                "cleanup",
                Map.of(
                        "ran",
                        report.cleanup().ran(),
                        "cleaned",
                        report.cleanup().cleaned(),
                        "remaining",
                        report.cleanup().remaining()));
        json.put("reports", report.files().stream().map(Path::toString).toList());
        return mask(PyJson.compact(json), secrets);
    }

    private static Map<String, Object> phase(PhaseResult p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", p.name());
        json.put("status", p.status().jsonValue());
        json.put("duration", Math.round(p.duration().toMillis() / 10.0) / 100.0);
        json.put("message", p.message());
        if (p.cleanup()) {
            json.put("cleanup", true);
        }
        return json;
    }

    /** The facts, without the private ones ({@code _...}), and the run id, as the original's context did. */
    private static Map<String, Object> context(RunReport report) {
        Map<String, Object> context = new LinkedHashMap<>();
        report.facts().asMap().forEach((k, v) -> {
            if (!k.startsWith("_")) {
                context.put(k, v);
            }
        });
        context.put("run_id", report.runId());
        return context;
    }

    /** Masks every secret value (they are never expected here; this is the last line of defence). */
    static String mask(String text, List<Secret> secrets) {
        String masked = text;
        for (Secret s : secrets) {
            if (!s.reveal().isEmpty()) {
                masked = masked.replace(s.reveal(), "***");
            }
        }
        return masked;
    }
}
