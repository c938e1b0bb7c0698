package dev.homestak.scenarios;

import dev.homestak.proxmox.RetryNotice;
import dev.homestak.scenarios.internal.EventJson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something that happened during a run, delivered to {@link RunListener}s as it happens and written as one
 * line of versioned JSON ({@link #toJsonLine()}, {@code "v":1}).
 *
 * <p>Every event carries the run id, a sequence number (1, 2, ... per run, no gaps) and the time it happened.
 * A run emits {@link RunStarted} first and {@link RunFinished} last; each phase that runs emits
 * {@link PhaseStarted} and then exactly one of {@link PhasePassed} or {@link PhaseFailed}, with
 * {@link Progress} and {@link ToolOutput} lines in between.
 */
public sealed interface RunEvent {

    /** The version of the JSON-lines schema ({@code "v"}). */
    int SCHEMA_VERSION = 1;

    /** The run this event belongs to. */
    String runId();

    /** Position of the event in its run, from 1. */
    long seq();

    /** When it happened. */
    Instant at();

    /** The event as one line of JSON (no line break), with {@code "v":1} and a {@code "type"}. */
    default String toJsonLine() {
        return EventJson.render(this);
    }

    /** The run started; {@code phases} are the phase names in order, {@code dryRun} if nothing will be touched. */
    record RunStarted(
            String runId, long seq, Instant at, String scenario, String host, List<String> phases, boolean dryRun)
            implements RunEvent {
        /** Validates and copies. */
        public RunStarted {
            Objects.requireNonNull(scenario, "scenario");
            Objects.requireNonNull(host, "host");
            phases = List.copyOf(phases);
        }
    }

    /** A phase started; {@code cleanup} when it runs as cleanup (destructor phase). */
    record PhaseStarted(String runId, long seq, Instant at, String phase, String description, boolean cleanup)
            implements RunEvent {}

    /** A phase passed. */
    record PhasePassed(String runId, long seq, Instant at, String phase, String message, Duration duration)
            implements RunEvent {}

    /** A phase failed (or was cancelled, or timed out). */
    record PhaseFailed(String runId, long seq, Instant at, String phase, String message, Duration duration)
            implements RunEvent {}

    /** A phase was skipped ({@code --skip}, dry-run, or the cleanup policy keeps the environment). */
    record PhaseSkipped(String runId, long seq, Instant at, String phase, String reason) implements RunEvent {}

    /** A progress line of the running phase's action ({@code "VM 99901 has IP 10.0.12.146"}). */
    record Progress(String runId, long seq, Instant at, String phase, String line) implements RunEvent {}

    /** A line a tool (tofu, ansible, ssh) printed while the phase ran; {@code stream} is stdout or stderr. */
    record ToolOutput(String runId, long seq, Instant at, String phase, String tool, String stream, String line)
            implements RunEvent {}

    /**
     * The Proxmox client retried a call of the running phase after a transient failure (a 503, 596, reset
     * connection or lock timeout that then healed, or did not).
     *
     * @param notice the client's notice, as the client gave it (its problem redacted of the run's secrets)
     */
    record Retry(String runId, long seq, Instant at, String phase, RetryNotice notice) implements RunEvent {
        /** As a line: {@code GET /version: temporary failure (HTTP 503): ... (attempt 1); retrying in 0.20 s}. */
        public String line() {
            return notice.toString();
        }
    }

    /** The run finished. */
    record RunFinished(String runId, long seq, Instant at, RunOutcome outcome, Duration duration) implements RunEvent {}
}
