package dev.homestak.actions;

import io.vavr.control.Either;
import java.util.Objects;
import java.util.function.Function;

/** {@link Action#flatMap} and {@link Action#andThen}: {@code first}, then the action chosen from its value. */
record FlatMapAction<T, U>(Action<T> first, Function<? super T, ? extends Action<U>> next) implements Action<U> {

    FlatMapAction {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(next, "next");
    }

    @Override
    public Either<ActionFailure, U> run(ActionContext ctx) {
        return first.run(ctx).flatMap(value -> {
            // a step's facts are visible to the next step, as they would be between phases
            ActionContext after =
                    value instanceof ActionResult r ? ctx.withFacts(ctx.facts().merge(r.facts())) : ctx;
            return next.apply(value).run(after);
        });
    }

    @Override
    public String describe() {
        return first.describe() + ", then more";
    }
}
