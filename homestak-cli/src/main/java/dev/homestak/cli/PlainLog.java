package dev.homestak.cli;

import dev.homestak.scenarios.RunEvent;
import dev.homestak.scenarios.RunListener;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Progress for CI and pipes: plain timestamped lines in the original's log format
 * ({@code 2026-01-03 15:56:16 [INFO] Running phase: provision - Provision VM(s)}), no control codes.
 * Tool output is shown only with {@code --verbose}, as {@code [DEBUG]} lines.
 */
final class PlainLog implements RunListener {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final PrintWriter out;
    private final boolean verbose;
    private final Clock clock;

    PlainLog(PrintWriter out, boolean verbose, Clock clock) {
        this.out = out;
        this.verbose = verbose;
        this.clock = clock;
    }

    @Override
    public synchronized void onEvent(RunEvent event) {
        switch (event) {
            case RunEvent.RunStarted e ->
                info("Starting scenario '" + e.scenario() + "' on host: " + e.host()
                        + (e.dryRun() ? " (dry run)" : ""));
            case RunEvent.PhaseStarted e ->
                info("Running phase: " + e.phase() + " - " + e.description() + (e.cleanup() ? " (cleanup)" : ""));
            case RunEvent.Progress e -> info("  " + e.phase() + ": " + e.line());
            case RunEvent.Retry e -> log("WARNING", "  " + e.phase() + ": " + e.line());
            case RunEvent.ToolOutput e -> {
                if (verbose) {
                    log(
                            "DEBUG",
                            "  " + e.phase() + " [" + (e.tool().isEmpty() ? "" : e.tool() + " ") + e.stream() + "] "
                                    + e.line());
                }
            }
            case RunEvent.PhasePassed e ->
                info("Phase " + e.phase() + " passed: " + e.message() + " (" + seconds(e.duration()) + ")");
            case RunEvent.PhaseFailed e ->
                log("ERROR", "Phase " + e.phase() + " failed: " + e.message() + " (" + seconds(e.duration()) + ")");
            case RunEvent.PhaseSkipped e -> info("Skipping phase: " + e.phase() + " (" + e.reason() + ")");
            case RunEvent.RunFinished e ->
                info("Scenario completed in " + seconds(e.duration()) + ": "
                        + e.outcome().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** A line outside the event stream (pre-flight, notices). */
    synchronized void info(String message) {
        log("INFO", message);
    }

    private void log(String level, String message) {
        out.println(STAMP.format(LocalDateTime.now(clock)) + " [" + level + "] " + TerminalText.clean(message));
        out.flush();
    }

    /** {@code 1.2s}. */
    static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }
}
