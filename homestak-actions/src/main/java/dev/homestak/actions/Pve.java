package dev.homestak.actions;

import dev.homestak.core.HostConfig;
import dev.homestak.proxmox.NodeApi;
import dev.homestak.proxmox.ProxmoxClient;
import dev.homestak.proxmox.ProxmoxFailure;
import dev.homestak.proxmox.Task;
import dev.homestak.proxmox.TaskResult;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How an action calls Proxmox, the built-in ones and yours alike: the run's PVE as a {@link Node} (the client of
 * the host config or of a nested PVE, from {@link ActionContext#proxmox()}), and calls that
 * <ul>
 *   <li>end at once when the run is cancelled (Ctrl-C, a phase timeout): the HTTP call in flight, a task poll or a
 *       retry pause stops, and the action gets {@link ActionFailure.Cancelled};</li>
 *   <li>report the client's retries (a 503, a reset connection, a lock timeout) as {@link ActionEvent.Retry}
 *       events, which a run shows as {@code RunEvent.Retry} under the phase;</li>
 *   <li>map {@link ProxmoxFailure}s to {@link ActionFailure}s ({@link #failure}).</li>
 * </ul>
 *
 * <pre>{@code
 * public Either<ActionFailure, String> run(ActionContext ctx) {
 *     return Pve.host(ctx).flatMap(pve -> pve.call(ctx, "reading datastore " + name,
 *             node -> node.storage(name).content()))
 *         .map(items -> name + " holds " + items.size() + " items");
 * }
 * }</pre>
 */
public final class Pve {

    private Pve() {}

    /**
     * A PVE node to call: its client (whose retries are reported as events of the context that resolved it) and
     * node name.
     *
     * @param client the API client
     * @param node   the node name to address
     * @param label  for messages: the host name or the nested address
     */
    public record Node(ProxmoxClient client, String node, String label) {

        /** Validates components. */
        public Node {
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(label, "label");
        }

        /** The node's API handle. */
        public NodeApi api() {
            return client.node(node);
        }

        /**
         * {@code body} applied to this node's API, as {@link Pve#call}: ended at once by the run's cancellation,
         * its failure named after {@code what} ("reading datastore local").
         */
        public <T> Either<ActionFailure, T> call(
                ActionContext ctx, String what, Function<NodeApi, Either<ProxmoxFailure, T>> body) {
            return Pve.call(ctx, what, () -> body.apply(api()));
        }
    }

    /** The node of the run's host config ({@code --host}); fails when the run has none or it has no API token. */
    public static Either<ActionFailure, Node> host(ActionContext ctx) {
        return resolve(ctx, PveTarget.host());
    }

    /** The client and node of {@code target}; {@link PveTarget.Host} is the run's host config. */
    public static Either<ActionFailure, Node> resolve(ActionContext ctx, PveTarget target) {
        return target instanceof PveTarget.Nested n
                ? nested(ctx, n)
                : ctx.requireHost().flatMap(host -> onHost(ctx, host));
    }

    /** The client and node of {@code target}; {@link PveTarget.Host} is {@code host} (an env's host config). */
    static Either<ActionFailure, Node> resolve(ActionContext ctx, PveTarget target, HostConfig host) {
        return target instanceof PveTarget.Nested n ? nested(ctx, n) : onHost(ctx, host);
    }

    private static Either<ActionFailure, Node> onHost(ActionContext ctx, HostConfig host) {
        return ctx.proxmox()
                .forHost(host)
                .map(client -> new Node(reporting(ctx, client), host.nodeName(), host.name()));
    }

    private static Either<ActionFailure, Node> nested(ActionContext ctx, PveTarget.Nested n) {
        return ctx.require(n.addressKey())
                .flatMap(address -> ctx.lookup(n.tokenKey())
                        .<Either<ActionFailure, dev.homestak.core.Secret>>map(Either::right)
                        .orElseGet(
                                () -> Either.left(
                                        new ActionFailure.Precondition(
                                                "No " + n.tokenKey().name()
                                                        + " in context: create the nested PVE's API token first (CreateApiTokenAction)")))
                        .flatMap(
                                token -> ctx.proxmox().forNested(address, token).map(client -> reporting(ctx, client)))
                        .flatMap(client -> call(ctx, "listing the nodes of the PVE at " + address, client::nodes)
                                .flatMap(nodes -> nodes.isEmpty()
                                        ? Either.left(new ActionFailure.Precondition(
                                                "the PVE at " + address + " lists no node"))
                                        : Either.right(
                                                new Node(client, nodes.get(0).node(), address)))));
    }

    /** {@code client} with its retries reported as the events of {@code ctx}. */
    private static ProxmoxClient reporting(ActionContext ctx, ProxmoxClient client) {
        return client.withRetryListener(ctx::retry);
    }

    /** Awaits a task, stoppable by the token; a task still running at the limit is a {@link ActionFailure.Timeout}. */
    public static Either<ActionFailure, TaskResult> await(ActionContext ctx, String what, Task task, Duration limit) {
        return call(ctx, what, () -> task.await(limit));
    }

    /**
     * Runs a client call with the thread interrupted when the run is cancelled (the client then ends its HTTP
     * call, poll or retry pause at once with {@link ProxmoxFailure.Cancelled}); maps the failure. Make the call on
     * a {@link Node}'s client so that its retries are reported as events.
     */
    public static <T> Either<ActionFailure, T> call(
            ActionContext ctx, String what, Supplier<Either<ProxmoxFailure, T>> body) {
        CancellationToken token = ctx.cancellation();
        if (token.isCancelled()) {
            return Either.left(new ActionFailure.Cancelled(what, token.reason().orElse("")));
        }
        Either<ProxmoxFailure, T> result = Interrupts.onCancel(token, body);
        if (result.isLeft() && token.isCancelled()) {
            return Either.left(new ActionFailure.Cancelled(what, token.reason().orElse("")));
        }
        return result.mapLeft(f -> failure(what, f));
    }

    /** Proxmox failures as action failures: waits that ran out become timeouts, the rest is wrapped as is. */
    public static ActionFailure failure(String what, ProxmoxFailure f) {
        return switch (f) {
            case ProxmoxFailure.WaitTimeout w ->
                new ActionFailure.Timeout("waiting for " + w.what(), w.waited(), "last seen: " + w.lastSeen());
            case ProxmoxFailure.TaskTimeout t ->
                new ActionFailure.Timeout(what, t.waited(), "task " + t.upid().value() + " is still running");
            case ProxmoxFailure.Cancelled c -> new ActionFailure.Cancelled(what, "interrupted");
            default -> new ActionFailure.Api(f);
        };
    }

    /** True for the failure PVE gives for a VM that does not exist. */
    static boolean missing(ActionFailure f) {
        return f instanceof ActionFailure.Api api && api.cause() instanceof ProxmoxFailure.NotFound;
    }
}
