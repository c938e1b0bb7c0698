package dev.homestak.actions;

import io.vavr.control.Either;
import java.util.List;

/** Factories of actions that do not belong to one tool: constants, sequences and parallel groups. */
public final class Actions {

    private Actions() {}

    /** An action that succeeds with {@code value} without doing anything. */
    public static <T> Action<T> succeed(T value) {
        return ctx -> Either.right(value);
    }

    /** An action that fails with {@code failure} without doing anything. */
    public static <T> Action<T> fail(ActionFailure failure) {
        return ctx -> Either.left(failure);
    }

    /**
     * Runs {@code actions} with at most {@code maxConcurrency} at once (start and wait for N VMs together
     * instead of one after another); values in the order given. The first failure cancels the rest.
     */
    public static <T> Action<List<T>> parallel(int maxConcurrency, List<? extends Action<T>> actions) {
        return new ParallelAction<>(maxConcurrency, List.copyOf(actions));
    }

    /** {@link #parallel} for steps: their results combined into one ({@link ActionResult#combine}). */
    public static Action<ActionResult> parallelSteps(int maxConcurrency, List<? extends Action<ActionResult>> steps) {
        return parallel(maxConcurrency, steps).map(ActionResult::combine);
    }

    /**
     * Runs {@code steps} one after another, each seeing the facts of the ones before; stops at the first
     * failure; the results combined into one.
     */
    public static Action<ActionResult> sequence(List<? extends Action<ActionResult>> steps) {
        List<Action<ActionResult>> copy = List.copyOf(steps);
        return ctx -> {
            ActionResult combined = ActionResult.of("");
            ActionContext current = ctx;
            java.util.ArrayList<ActionResult> done = new java.util.ArrayList<>();
            for (Action<ActionResult> step : copy) {
                Either<ActionFailure, ActionResult> r = step.run(current);
                if (r.isLeft()) {
                    return r;
                }
                done.add(r.get());
                current = current.withFacts(current.facts().merge(r.get().facts()));
            }
            return Either.right(done.isEmpty() ? combined : ActionResult.combine(done));
        };
    }
}
