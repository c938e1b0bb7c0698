package dev.homestak.cli;

import dev.homestak.scenarios.RunOutcome;
import dev.homestak.scenarios.RunReport;

/** The exit codes of {@code homestak}; each outcome has its own. */
final class ExitCode {

    /** The scenario passed (or the command succeeded). */
    static final int OK = 0;
    /** The scenario failed; cleanup (if any) succeeded. Also: the user answered no to the confirmation. */
    static final int FAILED = 1;
    /** Usage or configuration error: nothing was run. */
    static final int USAGE = 2;
    /** Cleanup failed: resources may be left behind. */
    static final int CLEANUP_FAILED = 3;
    /** The run passed, but its facts could not be written to the context file (they were saved in the report directory). */
    static final int FACTS_NOT_SAVED = 4;
    /** Interrupted by Ctrl-C (SIGTERM: 143, SIGHUP: 129; see {@link StopSignal}). */
    static final int INTERRUPTED = 130;

    private ExitCode() {}

    /** The exit code of a run's report: its outcome's, and for an interrupted run 128 + the signal's number. */
    static int of(RunReport report) {
        if (report.outcome() == RunOutcome.INTERRUPTED) {
            return report.interruptedBy()
                    .flatMap(StopSignal::named)
                    .map(StopSignal::exitCode)
                    .orElse(INTERRUPTED);
        }
        return of(report.outcome());
    }

    /**
     * {@link #of(RunReport)}, and {@link #FACTS_NOT_SAVED} for a passed run whose context file ({@code contextFile})
     * was not written.
     */
    static int of(RunReport report, java.util.Optional<java.nio.file.Path> contextFile) {
        boolean lost = contextFile.isPresent() && !report.files().contains(contextFile.get());
        return lost && report.passed() ? FACTS_NOT_SAVED : of(report);
    }

    /** The exit code of a run's outcome. */
    static int of(RunOutcome outcome) {
        return switch (outcome) {
            case PASSED -> OK;
            case FAILED -> FAILED;
            case INTERRUPTED -> INTERRUPTED;
            case CLEANUP_FAILED -> CLEANUP_FAILED;
        };
    }
}
