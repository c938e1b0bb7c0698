package dev.homestak.actions;

import dev.homestak.actions.internal.Texts;
import dev.homestak.core.RetryPolicy;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@link Action#retry}: attempts of {@code action} separated by the policy's backoff. With a deadline
 * each attempt is also limited to the time left, so the whole never runs past it.
 */
record RetryAction<T>(Action<T> action, RetryPolicy policy, Predicate<ActionFailure> retryOn) implements Action<T> {

    RetryAction {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(retryOn, "retryOn");
    }

    @Override
    public Either<ActionFailure, T> run(ActionContext ctx) {
        Optional<Instant> deadline =
                policy.deadline().map(d -> ctx.clock().instant().plus(d));
        for (int attempt = 1; ; attempt++) {
            Optional<Duration> left =
                    deadline.map(d -> Duration.between(ctx.clock().instant(), d));
            if (left.isPresent() && !left.get().isPositive()) {
                return Either.left(ActionFailure.Timeout.of(
                        "retrying " + action.describe(), policy.deadline().get()));
            }
            Action<T> bounded = left.<Action<T>>map(l -> new TimeoutAction<>(action, l, TimeoutAction.DEFAULT_CLEANUP))
                    .orElse(action);
            Either<ActionFailure, T> result = bounded.run(ctx);
            if (result.isRight()
                    || attempt >= policy.maxAttempts()
                    || !retryOn.test(result.getLeft())
                    || ctx.cancellation().isCancelled()) {
                return exhausted(result, attempt);
            }
            Duration wait = policy.delayAfter(attempt);
            Optional<Duration> remaining =
                    deadline.map(d -> Duration.between(ctx.clock().instant(), d));
            if (remaining.isPresent() && remaining.get().compareTo(wait) <= 0) {
                // no time for another attempt after the wait: stop now rather than sleep into the deadline
                return Either.left(new ActionFailure.Timeout(
                        "retrying " + action.describe(),
                        policy.deadline().get(),
                        attempt + " attempts; last: " + result.getLeft().message()));
            }
            ctx.progress("attempt " + attempt + " of " + policy.maxAttempts() + " failed ("
                    + result.getLeft().message() + "); retrying in " + Texts.duration(wait));
            if (!ctx.pause(wait)) {
                return Either.left(new ActionFailure.Cancelled(
                        action.describe(), ctx.cancellation().reason().orElse("")));
            }
        }
    }

    private Either<ActionFailure, T> exhausted(Either<ActionFailure, T> result, int attempt) {
        if (result.isLeft()
                && result.getLeft() instanceof ActionFailure.Timeout t
                && policy.deadline().isPresent()
                && t.what().equals(action.describe())) {
            // the attempt was cut by the overall deadline, not by its own limit
            return Either.left(new ActionFailure.Timeout(
                    "retrying " + action.describe(), policy.deadline().get(), attempt + " attempts"));
        }
        return result;
    }

    @Override
    public String describe() {
        return action.describe();
    }
}
