package dev.homestak.actions;

import dev.homestak.core.HostConfig;
import dev.homestak.proxmox.NodeApi;
import dev.homestak.proxmox.ProxmoxClient;
import dev.homestak.proxmox.ProxmoxFailure;
import dev.homestak.proxmox.RetryNotice;
import dev.homestak.proxmox.Task;
import dev.homestak.proxmox.TaskResult;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * What the Proxmox actions share: resolving a {@link PveTarget} to a client and node, and making
 * client calls stoppable by the action's cancellation token (the client's polls and HTTP calls end
 * when their thread is interrupted), with its failures mapped to {@link ActionFailure}s.
 */
final class Pve {

    private Pve() {
    }

    /**
     * A resolved target.
     *
     * @param client the API client
     * @param node   the node name to address
     * @param label  for messages: the host name or the nested address
     */
    record Node(ProxmoxClient client, String node, String label) {
        NodeApi api() {
            return client.node(node);
        }
    }

    /** The client and node of {@code target}; {@link PveTarget.Host} is the run's host config. */
    static Either<ActionFailure, Node> resolve(ActionContext ctx, PveTarget target) {
        return target instanceof PveTarget.Nested n ? nested(ctx, n) : ctx.requireHost().flatMap(host -> onHost(ctx, host));
    }

    /** The client and node of {@code target}; {@link PveTarget.Host} is {@code host} (an env's host config). */
    static Either<ActionFailure, Node> resolve(ActionContext ctx, PveTarget target, HostConfig host) {
        return target instanceof PveTarget.Nested n ? nested(ctx, n) : onHost(ctx, host);
    }

    private static Either<ActionFailure, Node> onHost(ActionContext ctx, HostConfig host) {
        return ctx.proxmox().forHost(host).map(client -> new Node(client, host.nodeName(), host.name()));
    }

    private static Either<ActionFailure, Node> nested(ActionContext ctx, PveTarget.Nested n) {
        return ctx.require(n.addressKey()).flatMap(address -> ctx.lookup(n.tokenKey())
                .<Either<ActionFailure, dev.homestak.core.Secret>>map(Either::right)
                .orElseGet(() -> Either.left(new ActionFailure.Precondition("No " + n.tokenKey().name()
                        + " in context: create the nested PVE's API token first (CreateApiTokenAction)")))
                .flatMap(token -> ctx.proxmox().forNested(address, token))
                .flatMap(client -> call(ctx, "listing the nodes of the PVE at " + address, client::nodes)
                        .flatMap(nodes -> nodes.isEmpty()
                                ? Either.left(new ActionFailure.Precondition("the PVE at " + address + " lists no node"))
                                : Either.right(new Node(client, nodes.get(0).node(), address)))));
    }

    /** Awaits a task, stoppable by the token; a task still running at the limit is a {@link ActionFailure.Timeout}. */
    static Either<ActionFailure, TaskResult> await(ActionContext ctx, String what, Task task, Duration limit) {
        return call(ctx, what, () -> task.await(limit));
    }

    /**
     * Runs a client call with the thread interrupted when the token is cancelled (the client then
     * ends its poll or HTTP call with {@link ProxmoxFailure.Cancelled}); maps the failure.
     */
    static <T> Either<ActionFailure, T> call(ActionContext ctx, String what, Supplier<Either<ProxmoxFailure, T>> body) {
        CancellationToken token = ctx.cancellation();
        if (token.isCancelled()) {
            return Either.left(new ActionFailure.Cancelled(what, token.reason().orElse("")));
        }
        Thread self = Thread.currentThread();
        Either<ProxmoxFailure, T> result;
        try (CancellationToken.Registration r = token.onCancel(self::interrupt)) {
            result = RetryNotice.observe(ctx::retry, body); // the client's retries become run events
        } finally {
            if (token.isCancelled()) {
                Thread.interrupted(); // our own interrupt: it has done its work
            }
        }
        if (result.isLeft() && token.isCancelled()) {
            return Either.left(new ActionFailure.Cancelled(what, token.reason().orElse("")));
        }
        return result.mapLeft(f -> failure(what, f));
    }

    /** Proxmox failures as action failures: waits that ran out become timeouts, the rest is wrapped as is. */
    static ActionFailure failure(String what, ProxmoxFailure f) {
        return switch (f) {
            case ProxmoxFailure.WaitTimeout w -> new ActionFailure.Timeout("waiting for " + w.what(), w.waited(),
                    "last seen: " + w.lastSeen());
            case ProxmoxFailure.TaskTimeout t -> new ActionFailure.Timeout(what, t.waited(),
                    "task " + t.upid().value() + " is still running");
            case ProxmoxFailure.Cancelled c -> new ActionFailure.Cancelled(what, "interrupted");
            default -> new ActionFailure.Api(f);
        };
    }

    /** True for the failure PVE gives for a VM that does not exist. */
    static boolean missing(ActionFailure f) {
        return f instanceof ActionFailure.Api api && (api.cause() instanceof ProxmoxFailure.NotFound
                || api.cause().message().contains("does not exist"));
    }
}
