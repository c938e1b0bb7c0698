package dev.homestak.scenarios;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionResult;
import io.vavr.control.Either;
import java.util.List;
import java.util.Objects;

/**
 * Two steps as one phase: the second sees the first's facts; the result has both messages and both facts.
 *
 * @param first  runs first
 * @param second runs when the first succeeded
 */
record Sequence(Action<ActionResult> first, Action<ActionResult> second) implements Action<ActionResult> {

    Sequence {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        return first.run(ctx).flatMap(a -> second.run(ctx.withFacts(ctx.facts().merge(a.facts())))
                .map(b -> ActionResult.combine(List.of(a, b))));
    }

    @Override
    public String describe() {
        return first.describe() + ", then " + second.describe();
    }
}
