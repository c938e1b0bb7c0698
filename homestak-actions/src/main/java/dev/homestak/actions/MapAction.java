package dev.homestak.actions;

import io.vavr.control.Either;
import java.util.Objects;
import java.util.function.Function;

/** {@link Action#map}: the value of {@code action} transformed by {@code f}. */
record MapAction<T, U>(Action<T> action, Function<? super T, ? extends U> f) implements Action<U> {

    MapAction {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(f, "f");
    }

    @Override
    public Either<ActionFailure, U> run(ActionContext ctx) {
        return action.run(ctx).map(f);
    }

    @Override
    public String describe() {
        return action.describe();
    }
}
