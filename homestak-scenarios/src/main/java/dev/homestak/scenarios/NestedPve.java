package dev.homestak.scenarios;

import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionKeys;
import dev.homestak.actions.ProvisionVmsAction;
import dev.homestak.actions.ProxmoxClients;
import dev.homestak.core.Facts;
import dev.homestak.core.HostConfig;
import dev.homestak.core.ResolvedEnv;
import dev.homestak.core.Secret;
import dev.homestak.proxmox.ProxmoxClient;
import io.vavr.control.Either;

/**
 * Points an env at the nested PVE for {@link ProvisionVmsAction}, which reaches its PVE through the env's host
 * config and takes no {@code PveTarget}: the env's host gets the nested PVE's node, and the context's
 * {@link ProxmoxClients} answer that host with the nested client ({@code inner_ip} and its token in
 * {@code inner_api_token}), so TLS and port are those configured for nested PVEs.
 */
final class NestedPve {

    private NestedPve() {
    }

    /**
     * A context and env to run a host-config action inside the nested PVE.
     *
     * @param ctx the context whose Proxmox port routes {@code env}'s host to the nested PVE
     * @param env the env with the nested PVE as its host
     */
    record Routed(ActionContext ctx, ResolvedEnv env) {
    }

    static Either<ActionFailure, Routed> route(ActionContext ctx, ResolvedEnv env) {
        return ctx.require(Facts.INNER_IP).flatMap(address -> ctx.lookup(ActionKeys.INNER_API_TOKEN)
                .<Either<ActionFailure, Secret>>map(Either::right)
                .orElseGet(() -> Either.left(new ActionFailure.Precondition("No " + ActionKeys.INNER_API_TOKEN.name()
                        + " in context: the configure phase creates the nested PVE's API token")))
                .flatMap(token -> ctx.proxmox().forNested(address, token).flatMap(client -> node(ctx, client, address))
                        .map(node -> {
                            HostConfig inner = env.host().toBuilder().nodeName(node).build();
                            ProxmoxClients routed = new Routing(ctx.proxmox(), inner, address, token);
                            return new Routed(ctx.toBuilder().proxmox(routed).build(),
                                    new ResolvedEnv(env.env(), inner, token, env.vms()));
                        })));
    }

    /** The nested PVE's node (its hostname, {@code nested-pve} after the install), from {@code GET /nodes}. */
    private static Either<ActionFailure, String> node(ActionContext ctx, ProxmoxClient client, String address) {
        if (ctx.cancellation().isCancelled()) {
            return Either.left(new ActionFailure.Cancelled("listing the nodes of the PVE at " + address,
                    ctx.cancellation().reason().orElse("")));
        }
        return client.nodes().<ActionFailure>mapLeft(ActionFailure.Api::new).flatMap(nodes -> nodes.isEmpty()
                ? Either.left(new ActionFailure.Precondition("the PVE at " + address + " lists no node"))
                : Either.right(nodes.get(0).node()));
    }

    /** The run's clients, with the nested host answered by the nested client; closing is left to the run's owner. */
    private record Routing(ProxmoxClients clients, HostConfig inner, String address, Secret token) implements ProxmoxClients {
        @Override
        public Either<ActionFailure, ProxmoxClient> forHost(HostConfig host) {
            return host.equals(inner) ? clients.forNested(address, token) : clients.forHost(host);
        }

        @Override
        public Either<ActionFailure, ProxmoxClient> forNested(String at, Secret with) {
            return clients.forNested(at, with);
        }

        @Override
        public void close() {
            // the run's owner closes the clients
        }
    }
}
