package dev.homestak.actions;

import dev.homestak.actions.internal.SystemProcessRunner;
import io.vavr.control.Either;
import java.util.Map;

/**
 * Port for running external commands (tofu, ansible-playbook). A command that runs and exits, with
 * any code, is a {@link ProcessResult}; one that cannot start, misses its deadline or is cancelled is
 * a failure. On deadline or cancel the process gets exactly one SIGINT, a grace period, then its whole
 * tree is killed.
 */
public interface ProcessRunner {

    /** The runner for real processes, with the JVM's environment. */
    static ProcessRunner system() {
        return new SystemProcessRunner(Map.of());
    }

    /**
     * The runner for real processes, with {@code environment} added on top of the JVM's environment for
     * every command (e.g. a {@code PATH} that puts a tool's directory first).
     */
    static ProcessRunner system(Map<String, String> environment) {
        return new SystemProcessRunner(environment);
    }

    /** Runs the command to completion, streaming its lines to {@code output}; never throws for I/O. */
    Either<ActionFailure, ProcessResult> run(ProcessCommand command, CancellationToken cancel, OutputListener output);
}
