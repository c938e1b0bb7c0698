package dev.homestak.manifests;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionResult;
import io.vavr.control.Either;
import java.util.function.Consumer;

/**
 * A node step that records its transitions in the journal: before it runs, after it passed, after it failed.
 * Dry-run shows the step's own description.
 */
record Tracked(
        Action<ActionResult> step, Runnable before, Consumer<ActionResult> passed, Consumer<ActionFailure> failed)
        implements Action<ActionResult> {

    static Action<ActionResult> of(
            Action<ActionResult> step, Runnable before, Consumer<ActionResult> passed, Consumer<ActionFailure> failed) {
        return new Tracked(step, before, passed, failed);
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        before.run();
        return step.run(ctx).peek(passed).peekLeft(failed);
    }

    @Override
    public String describe() {
        return step.describe();
    }

    @Override
    public String toString() {
        return step.describe();
    }
}
