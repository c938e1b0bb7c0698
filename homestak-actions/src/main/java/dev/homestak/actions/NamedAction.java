package dev.homestak.actions;

import io.vavr.control.Either;
import java.util.Objects;

/** {@link Action#named}: {@code action} described as {@code name}, its events scoped under it. */
record NamedAction<T>(String name, Action<T> action) implements Action<T> {

    NamedAction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(action, "action");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
    }

    @Override
    public Either<ActionFailure, T> run(ActionContext ctx) {
        return action.run(ctx.withScope(name));
    }

    @Override
    public String describe() {
        return name;
    }
}
