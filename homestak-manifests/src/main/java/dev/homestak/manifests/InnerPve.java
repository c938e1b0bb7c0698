package dev.homestak.manifests;

import dev.homestak.actions.ActionContext;
import dev.homestak.actions.PortForward;
import dev.homestak.actions.SshEndpoint;
import dev.homestak.actions.SshRoute;
import dev.homestak.core.HostConfig;
import java.util.List;

/**
 * A {@code pve} node prepared as a PVE host for this run: its API reached through {@code forward} (an SSH local
 * port-forward along {@code chain}), its pinned certificate and a token minted over SSH for this deployment, all in
 * {@code host} (in memory only; the state file never holds the token).
 *
 * @param node    the manifest node's name
 * @param path    the node's path from the target host ({@code root-pve › leaf-pve})
 * @param host    the inner PVE as a host: endpoint {@code https://127.0.0.1:<forwarded port>}, token, fingerprint
 * @param ssh     the node's own SSH endpoint
 * @param chain   the SSH endpoints from the controller to the node (its {@code pve} ancestors, then itself)
 * @param forward the port-forward its API is reached through
 */
record InnerPve(
        String node, String path, HostConfig host, SshEndpoint ssh, List<SshEndpoint> chain, PortForward forward) {

    InnerPve {
        chain = List.copyOf(chain);
    }

    /** {@code base} aimed at this PVE: its API as the host, SSH to it and its guests along {@link #chain}. */
    ActionContext inside(ActionContext base) {
        return base.toBuilder().host(host).sshRoute(SshRoute.inside(chain)).build();
    }

    @Override
    public String toString() {
        return "InnerPve[" + path + ", " + forward.describe() + "]";
    }
}
