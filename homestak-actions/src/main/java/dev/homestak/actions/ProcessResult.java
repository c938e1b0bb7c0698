package dev.homestak.actions;

import dev.homestak.actions.internal.Texts;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a command that ran to completion ended: its exit code, how long it took, and the last lines it
 * printed on each stream (the full output went to the output listener as it came).
 *
 * @param command    the command line, for messages
 * @param exitCode   the process's exit code
 * @param duration   wall time from start to exit
 * @param stdoutTail the last lines of standard output
 * @param stderrTail the last lines of standard error
 */
public record ProcessResult(
        String command, int exitCode, Duration duration, List<String> stdoutTail, List<String> stderrTail) {

    /** Validates and copies components. */
    public ProcessResult {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(duration, "duration");
        stdoutTail = List.copyOf(stdoutTail);
        stderrTail = List.copyOf(stderrTail);
    }

    /** True when the exit code is 0. */
    public boolean succeeded() {
        return exitCode == 0;
    }

    /** The readable end of the output: stderr's tail, or stdout's when stderr was empty; no ANSI codes. */
    public String tail(int maxChars) {
        return Texts.tail(stderrTail.isEmpty() ? stdoutTail : stderrTail, maxChars);
    }

    /** A {@link ActionFailure.ProcessExit} for this result with the given readable reason. */
    public ActionFailure.ProcessExit failure(String detail) {
        return new ActionFailure.ProcessExit(command, exitCode, detail);
    }
}
