package dev.homestak.actions;

import dev.homestak.core.Key;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Resolves the hosts of the SSH actions from the facts, with the original's messages. */
final class SshTargets {

    private SshTargets() {}

    /** The endpoint named by the fact {@code hostKey}, or {@code No <key> in context}. */
    static Either<ActionFailure, SshEndpoint> endpoint(ActionContext ctx, String user, Key<String> hostKey) {
        return ctx.require(hostKey).map(host -> ctx.ssh().endpoint(user, host));
    }

    /**
     * The jump hosts to {@code target}, first to last: the context's route to it ({@link ActionContext#sshJumpsTo}),
     * or when a jump key is given the route to the host in that fact (which must then be present) and that host.
     */
    static Either<ActionFailure, List<SshEndpoint>> jumps(
            ActionContext ctx, SshEndpoint target, String user, Optional<Key<String>> jumpKey) {
        if (jumpKey.isEmpty()) {
            return Either.right(ctx.sshJumpsTo(target));
        }
        return endpoint(ctx, user, jumpKey.get()).map(jump -> {
            List<SshEndpoint> chain = new ArrayList<>(ctx.sshJumpsTo(jump));
            chain.add(jump);
            return List.copyOf(chain);
        });
    }
}
