package dev.homestak.cli;

/** The exit codes of {@code homestak}; each outcome has its own. */
final class ExitCode {

    /** The scenario passed (or the command succeeded). */
    static final int OK = 0;
    /** The scenario failed; cleanup (if any) succeeded. */
    static final int FAILED = 1;
    /** Usage or configuration error: nothing was run. */
    static final int USAGE = 2;
    /** Cleanup failed: resources may be left behind. */
    static final int CLEANUP_FAILED = 3;
    /** Interrupted (Ctrl-C). */
    static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
