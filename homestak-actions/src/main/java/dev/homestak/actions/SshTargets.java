package dev.homestak.actions;

import dev.homestak.core.Key;
import io.vavr.control.Either;
import java.util.Optional;

/** Resolves the hosts of the SSH actions from the facts, with the original's messages. */
final class SshTargets {

    private SshTargets() {}

    /** The endpoint named by the fact {@code hostKey}, or {@code No <key> in context}. */
    static Either<ActionFailure, SshEndpoint> endpoint(ActionContext ctx, String user, Key<String> hostKey) {
        return ctx.require(hostKey).map(host -> ctx.ssh().endpoint(user, host));
    }

    /** The jump endpoint, if a jump key is given; its fact must then be present. */
    static Either<ActionFailure, Optional<SshEndpoint>> jump(
            ActionContext ctx, String user, Optional<Key<String>> jumpKey) {
        if (jumpKey.isEmpty()) {
            return Either.right(Optional.empty());
        }
        return endpoint(ctx, user, jumpKey.get()).map(Optional::of);
    }
}
