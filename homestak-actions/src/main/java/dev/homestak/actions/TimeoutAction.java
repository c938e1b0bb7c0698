package dev.homestak.actions;

import dev.homestak.actions.internal.Texts;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Action#timeout}: runs {@code action} on its own thread with a child cancellation token; at
 * the limit the token is cancelled and the call waits (up to {@code cleanup}) for the work to end, so
 * that no thread, process or connection outlives the call.
 */
record TimeoutAction<T>(Action<T> action, Duration limit, Duration cleanup) implements Action<T> {

    /** How long stopped work may take to end (covers a process's SIGINT grace period). */
    static final Duration DEFAULT_CLEANUP = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(TimeoutAction.class);

    TimeoutAction {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(cleanup, "cleanup");
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    @Override
    public Either<ActionFailure, T> run(ActionContext ctx) {
        try (CancellationToken token = ctx.cancellation().child()) {
            CompletableFuture<Either<ActionFailure, T>> result = new CompletableFuture<>();
            Thread worker = Thread.ofVirtual()
                    .name("timeout-" + action.describe())
                    .start(() -> {
                        try {
                            result.complete(action.run(ctx.withCancellation(token)));
                        } catch (Throwable bug) {
                            result.completeExceptionally(bug);
                        }
                    });
            try {
                return result.get(limit.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                token.cancel("timed out after " + Texts.duration(limit));
                awaitEnd(worker);
                return Either.left(ActionFailure.Timeout.of(action.describe(), limit));
            } catch (InterruptedException e) {
                token.cancel("interrupted");
                awaitEnd(worker);
                Thread.currentThread().interrupt();
                return Either.left(new ActionFailure.Cancelled(action.describe(), "interrupted"));
            } catch (ExecutionException e) {
                throw new IllegalStateException(
                        action.describe() + " threw instead of returning a failure", e.getCause());
            }
        }
    }

    private void awaitEnd(Thread worker) {
        try {
            if (!worker.join(cleanup)) {
                // the action ignored its token; interrupting is the last resort for blocking calls
                log.warn("{} did not stop within {} of being cancelled; interrupting it", action.describe(), cleanup);
                worker.interrupt();
                worker.join(Duration.ofSeconds(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String describe() {
        return action.describe();
    }
}
