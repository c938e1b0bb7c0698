package dev.homestak.actions;

import dev.homestak.core.RetryPolicy;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One step of a scenario: a description that does nothing until {@link #run(ActionContext)}.
 * Implementations are records whose components are their parameters. {@code run} never throws for
 * environmental reasons: every expected problem is an {@link ActionFailure} in the left.
 *
 * <p>Actions compose: {@link #map}, {@link #flatMap}, {@link #andThen}, {@link #recover},
 * {@link #named}, {@link #timeout} (stops the work for real), {@link #retry}, and
 * {@link Actions#parallel(int, java.util.List)}.
 *
 * @param <T> what the action produces (usually {@link ActionResult})
 */
@FunctionalInterface
public interface Action<T> {

    /** Does the work. */
    Either<ActionFailure, T> run(ActionContext ctx);

    /** A short human description for dry-run output and messages (the record's name by default). */
    default String describe() {
        String name = getClass().getSimpleName();
        return name.isEmpty() || name.contains("$$Lambda") ? "action" : name;
    }

    /** An action whose value is transformed by {@code f} on success. */
    default <U> Action<U> map(Function<? super T, ? extends U> f) {
        return new MapAction<>(this, f);
    }

    /** An action that runs the action {@code next} chooses from this one's value. */
    default <U> Action<U> flatMap(Function<? super T, ? extends Action<U>> next) {
        return new FlatMapAction<>(this, next);
    }

    /**
     * An action that runs {@code next} after this one succeeds, ignoring this one's value. If this one
     * produced an {@link ActionResult}, {@code next} sees its facts merged into the context.
     */
    default <U> Action<U> andThen(Action<U> next) {
        return new FlatMapAction<>(this, ignored -> next);
    }

    /** An action that turns a failure into a value (or another failure) with {@code handler}. */
    default Action<T> recover(Function<? super ActionFailure, ? extends Either<ActionFailure, T>> handler) {
        return new RecoverAction<>(this, handler);
    }

    /** This action, described as {@code name}, reporting its events under that name. */
    default Action<T> named(String name) {
        return new NamedAction<>(name, this);
    }

    /**
     * This action, stopped when it has not finished within {@code limit}: its cancellation token is
     * cancelled (processes get SIGINT, SSH connections close, polls stop) and the call returns only
     * after the work has ended, with {@link ActionFailure.Timeout}.
     */
    default Action<T> timeout(Duration limit) {
        return new TimeoutAction<>(this, limit, TimeoutAction.DEFAULT_CLEANUP);
    }

    /**
     * This action, run again on a {@link ActionFailure#TRANSIENT} failure as {@code policy} says (capped exponential
     * backoff, jitter, deadline).
     */
    default Action<T> retry(RetryPolicy policy) {
        return new RetryAction<>(this, policy, ActionFailure.TRANSIENT);
    }

    /** This action, run again on the failures {@code retryOn} accepts as {@code policy} says. */
    default Action<T> retry(RetryPolicy policy, Predicate<ActionFailure> retryOn) {
        return new RetryAction<>(this, policy, retryOn);
    }
}
