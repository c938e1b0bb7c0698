package dev.homestak.actions;

import io.vavr.control.Either;
import java.util.Objects;
import java.util.function.Function;

/** {@link Action#recover}: a failure of {@code action} handed to {@code handler}. */
record RecoverAction<T>(Action<T> action, Function<? super ActionFailure, ? extends Either<ActionFailure, T>> handler)
        implements Action<T> {

    RecoverAction {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(handler, "handler");
    }

    @Override
    public Either<ActionFailure, T> run(ActionContext ctx) {
        Either<ActionFailure, T> result = action.run(ctx);
        return result.isRight() ? result : handler.apply(result.getLeft());
    }

    @Override
    public String describe() {
        return action.describe();
    }
}
