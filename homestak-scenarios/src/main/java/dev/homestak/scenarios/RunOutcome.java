package dev.homestak.scenarios;

/**
 * How a run ended, from best to worst; each outcome has its own CLI exit code.
 *
 * <p>When several apply, the worse one wins: a run that was interrupted and whose cleanup then failed is
 * {@link #CLEANUP_FAILED}, because resources may be left behind.
 */
public enum RunOutcome {
    /** Every phase that ran passed. */
    PASSED,
    /** A phase failed (or the scenario timed out); cleanup, if any ran, succeeded. */
    FAILED,
    /** The run was cancelled (Ctrl-C or {@link RunHandle#cancel()}); cleanup, if any ran, succeeded. */
    INTERRUPTED,
    /** A cleanup phase failed or could not run: resources may be left behind. */
    CLEANUP_FAILED;

    /** True only for {@link #PASSED}. */
    public boolean passed() {
        return this == PASSED;
    }

    /** The worse of the two outcomes. */
    public RunOutcome worst(RunOutcome other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
