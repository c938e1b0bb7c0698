package dev.homestak.scenarios;

import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionKeys;
import dev.homestak.actions.CancellationToken;
import dev.homestak.core.Facts;
import dev.homestak.core.Secret;
import dev.homestak.proxmox.ProxmoxClient;
import dev.homestak.proxmox.ProxmoxFailure;
import dev.homestak.proxmox.Task;
import dev.homestak.proxmox.TaskResult;
import dev.homestak.proxmox.VmApi;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * How the scenario adapters reach a PVE: the node of the run's host config, or the nested PVE at fact
 * {@code inner_ip} with the token in {@code inner_api_token}; client calls stoppable by the action's
 * cancellation token, with Proxmox failures named after what was being done.
 */
final class PveAccess {

    private PveAccess() {
    }

    /** Which PVE an adapter talks to. */
    enum Where {
        /** The node of the run's host config. */
        HOST,
        /** The nested PVE at {@code inner_ip}. */
        NESTED
    }

    /**
     * A resolved PVE.
     *
     * @param client the API client
     * @param node   the node name
     * @param label  for messages: the host name or the nested address
     */
    record Node(ProxmoxClient client, String node, String label) {
        VmApi vm(int vmid) {
            return client.node(node).qemu(vmid);
        }
    }

    /** The client and node of {@code where}. */
    static Either<ActionFailure, Node> resolve(ActionContext ctx, Where where) {
        return where == Where.HOST ? host(ctx) : nested(ctx);
    }

    static Either<ActionFailure, Node> host(ActionContext ctx) {
        return ctx.requireHost().flatMap(host -> ctx.proxmox().forHost(host)
                .map(client -> new Node(client, host.nodeName(), host.name())));
    }

    static Either<ActionFailure, Node> nested(ActionContext ctx) {
        return ctx.require(Facts.INNER_IP).flatMap(address -> ctx.lookup(ActionKeys.INNER_API_TOKEN)
                .<Either<ActionFailure, Secret>>map(Either::right)
                .orElseGet(() -> Either.left(new ActionFailure.Precondition("No " + ActionKeys.INNER_API_TOKEN.name()
                        + " in context: the configure phase creates the nested PVE's API token")))
                .flatMap(token -> ctx.proxmox().forNested(address, token))
                .flatMap(client -> call(ctx, "listing the nodes of the PVE at " + address, client::nodes)
                        .flatMap(nodes -> nodes.isEmpty()
                                ? Either.left(new ActionFailure.Precondition("the PVE at " + address + " lists no node"))
                                : Either.right(new Node(client, nodes.get(0).node(), "nested PVE " + address)))));
    }

    /** Starts a task and waits for it; a failed task is a failure with PVE's exit status. */
    static Either<ActionFailure, TaskResult> task(ActionContext ctx, String what, Supplier<Either<ProxmoxFailure, Task>> start,
                                                  Duration limit) {
        return call(ctx, what, () -> start.get().flatMap(t -> t.await(limit)));
    }

    /**
     * Runs a client call with the thread interrupted when the token is cancelled (the client then ends its
     * poll or HTTP call); maps the failure to one naming {@code what}.
     */
    static <T> Either<ActionFailure, T> call(ActionContext ctx, String what, Supplier<Either<ProxmoxFailure, T>> body) {
        CancellationToken token = ctx.cancellation();
        if (token.isCancelled()) {
            return Either.left(new ActionFailure.Cancelled(what, token.reason().orElse("")));
        }
        Thread self = Thread.currentThread();
        Either<ProxmoxFailure, T> result;
        try (CancellationToken.Registration r = token.onCancel(self::interrupt)) {
            result = body.get();
        } finally {
            if (token.isCancelled()) {
                Thread.interrupted(); // our own interrupt has done its work
            }
        }
        if (result.isLeft() && token.isCancelled()) {
            return Either.left(new ActionFailure.Cancelled(what, token.reason().orElse("")));
        }
        return result.mapLeft(f -> failure(what, f));
    }

    /** A Proxmox failure as an action failure whose message starts with what was being done. */
    static ActionFailure failure(String what, ProxmoxFailure f) {
        return switch (f) {
            case ProxmoxFailure.WaitTimeout w -> new ActionFailure.Timeout(what, w.waited(), "last seen: " + w.lastSeen());
            case ProxmoxFailure.TaskTimeout t -> new ActionFailure.Timeout(what, t.waited(),
                    "task " + t.upid().value() + " is still running");
            case ProxmoxFailure.Cancelled c -> new ActionFailure.Cancelled(what, "interrupted");
            default -> new ActionFailure.Api(new PveStepFailure(what, f));
        };
    }

    /** True for PVE's answer about a VM that does not exist. */
    static boolean missing(ActionFailure f) {
        return f instanceof ActionFailure.Api api && api.cause() instanceof PveStepFailure step
                && (step.cause() instanceof ProxmoxFailure.NotFound || step.cause().message().contains("does not exist"));
    }
}
