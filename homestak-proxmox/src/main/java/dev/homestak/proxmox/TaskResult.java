package dev.homestak.proxmox;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A task that ended successfully: {@link Outcome#OK}, or {@link Outcome#WARNINGS} (PVE's
 * {@code WARNINGS: n}, which is a success). A failed task is a {@link ProxmoxFailure.TaskFailed}.
 *
 * @param upid the task
 * @param outcome OK or WARNINGS
 * @param warnings the {@code n} of {@code WARNINGS: n}; 0 for OK
 * @param logTail the last lines of the task log
 */
public record TaskResult(Upid upid, Outcome outcome, int warnings, List<String> logTail) {

    /** How a successful task ended. */
    public enum Outcome {
        /** Exit status {@code OK}. */
        OK,
        /** Exit status {@code WARNINGS: n}: the work was done, with warnings in the log. */
        WARNINGS
    }

    /** Validates and copies. */
    public TaskResult {
        requireNonNull(upid, "upid");
        requireNonNull(outcome, "outcome");
        logTail = List.copyOf(logTail);
    }

    /** The log lines that carry a warning ({@code WARN: ...}). */
    public List<String> warningLines() {
        return logTail.stream().filter(l -> l.startsWith("WARN")).toList();
    }
}
