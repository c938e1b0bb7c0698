package dev.homestak.proxmox;

import dev.homestak.proxmox.model.TaskLog;
import dev.homestak.proxmox.model.TaskStatus;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A running or finished PVE task (a UPID), returned by every call that starts one. Immutable:
 * re-create it from a saved UPID with {@link ProxmoxClient#task(Upid)} to re-attach.
 */
public final class Task {

    /** Lines of log kept with a result or failure. */
    public static final int LOG_TAIL = 50;
    // right after dispatch the status endpoint may not know the task yet (bpg's observation)
    private static final Duration NOT_VISIBLE_GRACE = Duration.ofSeconds(5);

    private final Calls calls;
    private final Upid upid;

    Task(Calls calls, Upid upid) {
        this.calls = calls;
        this.upid = upid;
    }

    /** The parsed UPID. */
    public Upid upid() {
        return upid;
    }

    /** {@code GET /nodes/{node}/tasks/{upid}/status}. */
    public Either<ProxmoxFailure, TaskStatus> status() {
        return calls.read(ApiRequest.get(path("status")), Payloads::taskStatus);
    }

    /** One page of the log: {@code GET /nodes/{node}/tasks/{upid}/log?start=&limit=}. */
    public Either<ProxmoxFailure, TaskLog> log(int start, int limit) {
        Form form = Form.empty().add("start", start).add("limit", limit);
        ApiRequest req = new ApiRequest("GET", path("log"), form);
        // "total" sits beside "data", so read the log from the raw envelope via a second decode
        return calls.transport().callEnvelope(req).flatMap(root -> {
            try {
                return Either.right(Payloads.taskLog(
                        root.path("data"), Json.intOf(root, "total").orElse(0)));
            } catch (RuntimeException e) {
                return Either.left(new ProxmoxFailure.Decode(req.describe(), String.valueOf(e.getMessage())));
            }
        });
    }

    /** The last {@code lines} lines of the log. */
    public Either<ProxmoxFailure, List<String>> logTail(int lines) {
        return log(0, 1)
                .flatMap(first -> first.total() <= 1
                        ? Either.right(first.lines())
                        : log(Math.max(0, first.total() - lines), lines).map(TaskLog::lines));
    }

    /** Stops the task: {@code DELETE /nodes/{node}/tasks/{upid}}. */
    public Either<ProxmoxFailure, Done> stop() {
        return calls.done(new ApiRequest("DELETE", path(), Form.empty()));
    }

    /**
     * Waits for the task to end, polling adaptively (see {@link Polling}).
     *
     * @return OK (no log read; {@link #logTail(int)} reads it on demand) or WARNINGS with the log tail; {@link ProxmoxFailure.TaskFailed} with the exit status
     *     and log tail; {@link ProxmoxFailure.TaskTimeout} (the task keeps running; this handle or its
     *     UPID can wait again); {@link ProxmoxFailure.Cancelled} when the thread is interrupted
     */
    public Either<ProxmoxFailure, TaskResult> await(Duration timeout) {
        java.time.Instant started = calls.transport().clock().instant();
        Either<ProxmoxFailure, String> exit = new Waiter(calls.transport())
                .until(
                        "task " + upid.value(),
                        timeout,
                        () -> status().map(s -> s.running()
                                ? Waiter.Probe.<String>notYet("running")
                                : Waiter.Probe.done(s.exitStatus().orElse("unexpected status"))),
                        f -> f.isTransient()
                                || (isNotVisibleYet(f)
                                        && calls.transport()
                                                .clock()
                                                .instant()
                                                .isBefore(started.plus(NOT_VISIBLE_GRACE))));
        if (exit.isLeft()) {
            return Either.left(
                    exit.getLeft() instanceof ProxmoxFailure.WaitTimeout
                            ? new ProxmoxFailure.TaskTimeout(upid, timeout)
                            : exit.getLeft());
        }
        return finish(exit.get());
    }

    private Either<ProxmoxFailure, TaskResult> finish(String exitStatus) {
        if (exitStatus.equals("OK")) {
            // the log of a task that ended OK says nothing a caller acts on: don't spend requests on it
            // (logTail(n) reads it on demand)
            return Either.right(new TaskResult(upid, TaskResult.Outcome.OK, 0, List.of()));
        }
        List<String> tail = logTail(LOG_TAIL).getOrElse(List.of());
        Optional<Integer> warnings = warnings(exitStatus);
        if (warnings.isPresent()) {
            return Either.right(new TaskResult(upid, TaskResult.Outcome.WARNINGS, warnings.get(), tail));
        }
        return Either.left(new ProxmoxFailure.TaskFailed(upid, exitStatus, tail));
    }

    private static Optional<Integer> warnings(String exitStatus) {
        if (!exitStatus.startsWith("WARNINGS:")) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    Integer.parseInt(exitStatus.substring("WARNINGS:".length()).strip()));
        } catch (NumberFormatException e) {
            return Optional.of(1);
        }
    }

    private static boolean isNotVisibleYet(ProxmoxFailure f) {
        return f instanceof ProxmoxFailure.ParameterInvalid || f instanceof ProxmoxFailure.NotFound; // "no such task"
    }

    private List<String> path() {
        return List.of("nodes", upid.node(), "tasks", upid.value());
    }

    private List<String> path(String last) {
        return List.of("nodes", upid.node(), "tasks", upid.value(), last);
    }

    @Override
    public String toString() {
        return "Task[" + upid.value() + "]";
    }
}
