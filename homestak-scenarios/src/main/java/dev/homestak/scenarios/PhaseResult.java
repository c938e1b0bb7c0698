package dev.homestak.scenarios;

import dev.homestak.scenarios.internal.ReportText;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one phase of a run, as the reports show it.
 *
 * <p>The message is cleaned on construction: ANSI escape codes are removed (tools colour their
 * stderr), so no report, event or listener ever sees them.
 *
 * @param name the phase name ({@code provision})
 * @param description the phase's real description ({@code Provision test VM})
 * @param status what happened
 * @param message the action's message, or why the phase failed, was skipped or not run; may be empty
 * @param duration how long the phase ran ({@link Duration#ZERO} if it did not run)
 * @param startedAt when the phase started, if it ran or was skipped
 * @param finishedAt when the phase finished, if it ran or was skipped
 * @param cleanup true when the phase ran as cleanup after a failure, a cancellation or a timeout
 */
public record PhaseResult(
        String name,
        String description,
        PhaseStatus status,
        String message,
        Duration duration,
        Optional<Instant> startedAt,
        Optional<Instant> finishedAt,
        boolean cleanup) {

    /** Validates components and strips ANSI codes from the message. */
    public PhaseResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(status, "status");
        message = ReportText.stripAnsi(Objects.requireNonNull(message, "message"));
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("negative duration for phase " + name);
        }
    }

    /** A phase that ran from {@code started} to {@code finished} with the given status. */
    public static PhaseResult ran(
            String name, String description, PhaseStatus status, String message, Instant started, Instant finished) {
        Duration took = Duration.between(started, finished);
        return new PhaseResult(
                name,
                description,
                status,
                message,
                took.isNegative() ? Duration.ZERO : took,
                Optional.of(started),
                Optional.of(finished),
                false);
    }

    /** A phase skipped on request at {@code at}. */
    public static PhaseResult skipped(String name, String description, Instant at) {
        return new PhaseResult(
                name, description, PhaseStatus.SKIPPED, "", Duration.ZERO, Optional.of(at), Optional.of(at), false);
    }

    /** A phase the run never reached; {@code why} says why ({@code "not reached: provision failed"}). */
    public static PhaseResult notRun(String name, String description, String why) {
        return new PhaseResult(
                name, description, PhaseStatus.NOT_RUN, why, Duration.ZERO, Optional.empty(), Optional.empty(), false);
    }

    /** This result with another message. */
    public PhaseResult withMessage(String value) {
        return new PhaseResult(name, description, status, value, duration, startedAt, finishedAt, cleanup);
    }

    /** This result marked as having run as cleanup. */
    public PhaseResult asCleanup() {
        return cleanup
                ? this
                : new PhaseResult(name, description, status, message, duration, startedAt, finishedAt, true);
    }
}
