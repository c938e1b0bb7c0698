package dev.homestak.scenarios;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionResult;
import dev.homestak.actions.CancellationToken;
import dev.homestak.actions.RunControl;
import dev.homestak.core.Facts;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one phase's action on its own thread and returns as soon as it ends or its token is cancelled: a
 * cancelled action gets a grace period to stop its work (a process's SIGINT, closing SSH), then is interrupted
 * and abandoned, so that a cancel or a timeout is never held up by an action that ignores its token.
 */
final class PhaseExecutor {

    private static final Logger log = LoggerFactory.getLogger(PhaseExecutor.class);

    private final RunnerSettings settings;
    private final EventEmitter events;
    private final RunControl run;
    private final NestedApiTunnels tunnels;

    PhaseExecutor(RunnerSettings settings, EventEmitter events, RunControl run, NestedApiTunnels tunnels) {
        this.settings = settings;
        this.events = events;
        this.run = run;
        this.tunnels = tunnels;
    }

    /** Which path a phase is on: the main path, a cleanup, or a cleanup because the main path failed. */
    enum Kind {
        MAIN,
        CLEANUP,
        CLEANUP_AFTER_FAILURE
    }

    /** The outcome of one phase: its result for the report, and the facts it produced if it passed. */
    record Outcome(PhaseResult result, Facts facts) {}

    /** Runs {@code phase} with {@code facts}, stopped by {@code token} or after {@code limit}. */
    Outcome run(
            Phase phase,
            Facts facts,
            CancellationToken token,
            Optional<Duration> limit,
            Kind kind,
            java.util.function.Function<ActionFailure, String> explain) {
        boolean cleanup = kind != Kind.MAIN;
        events.phaseStarted(phase, cleanup);
        Instant started = settings.clock().instant();
        ActionContext phaseCtx = settings.base().toBuilder()
                .facts(facts)
                .cancellation(token)
                .events(events.sinkFor(phase.name()))
                .run(kind == Kind.CLEANUP_AFTER_FAILURE ? run.afterFailure() : run)
                .build();
        // nested PVEs are reached through the run's SSH forwards
        ActionContext ctx =
                phaseCtx.toBuilder().proxmox(tunnels.clients(phaseCtx)).build();
        Action<ActionResult> action = limit.map(phase.action()::timeout).orElse(phase.action());
        Either<ActionFailure, ActionResult> result = await(phase, action, ctx, token);
        Instant finished = settings.clock().instant();
        PhaseResult r = result.fold(
                failure -> PhaseResult.ran(
                        phase.name(),
                        phase.description(),
                        PhaseStatus.FAILED,
                        settings.redactor().redact(explain.apply(failure)),
                        started,
                        finished),
                ok -> PhaseResult.ran(
                        phase.name(),
                        phase.description(),
                        PhaseStatus.PASSED,
                        settings.redactor().redact(ok.message()),
                        started,
                        finished));
        if (cleanup) {
            r = r.asCleanup();
        }
        events.phaseEnded(r);
        return new Outcome(r, result.map(ActionResult::facts).getOrElse(Facts.empty()));
    }

    private Either<ActionFailure, ActionResult> await(
            Phase phase, Action<ActionResult> action, ActionContext ctx, CancellationToken token) {
        CompletableFuture<Either<ActionFailure, ActionResult>> done = new CompletableFuture<>();
        Thread worker = Thread.ofVirtual().name("phase-" + phase.name()).start(() -> {
            try {
                done.complete(action.run(ctx));
            } catch (RuntimeException | Error bug) {
                done.completeExceptionally(bug);
            }
        });
        CompletableFuture<Void> cancelled = new CompletableFuture<>();
        try (CancellationToken.Registration ignored = token.onCancel(() -> cancelled.complete(null))) {
            CompletableFuture.anyOf(done, cancelled).join();
            if (!done.isDone()) {
                return stop(phase, worker, done, token);
            }
            return done.get();
        } catch (ExecutionException e) {
            return bug(phase, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Either.left(new ActionFailure.Cancelled(phase.name(), "interrupted"));
        }
    }

    private Either<ActionFailure, ActionResult> stop(
            Phase phase,
            Thread worker,
            CompletableFuture<Either<ActionFailure, ActionResult>> done,
            CancellationToken token)
            throws InterruptedException {
        String why = token.reason().orElse("cancelled");
        try {
            return done.get(settings.cancelGrace().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            log.warn(
                    "phase {} did not stop within {} of being cancelled; interrupting and abandoning it",
                    phase.name(),
                    settings.cancelGrace());
            worker.interrupt();
            return Either.left(new ActionFailure.Cancelled(
                    phase.name(),
                    why + "; it did not stop within " + settings.cancelGrace().toSeconds() + "s and was abandoned"));
        } catch (ExecutionException e) {
            return bug(phase, e.getCause());
        }
    }

    private static Either<ActionFailure, ActionResult> bug(Phase phase, Throwable cause) {
        // an action threw instead of returning a failure: a bug, but one phase's bug must not lose the report
        log.error("phase {} threw; this is a bug in its action", phase.name(), cause);
        return Either.left(new ActionFailure.Precondition("internal error in phase " + phase.name() + ": " + cause));
    }
}
