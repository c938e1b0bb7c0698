package ${package};

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionResult;
import dev.homestak.actions.Pve;
import dev.homestak.core.Facts;
import dev.homestak.core.HostConfig;
import dev.homestak.core.Key;
import dev.homestak.proxmox.ProxmoxClient;
import dev.homestak.proxmox.ProxmoxFailure;
import dev.homestak.proxmox.model.NodeSummary;
import io.vavr.control.Either;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks that the node's PVE API answers with the site's token and lists the node as online. Writes the
 * fact {@code pve_version} (e.g. {@code 9.1}).
 */
record PveApiCheckAction() implements Action<ActionResult> {

    /** Fact written: the PVE release of the node. */
    static final Key<String> PVE_VERSION = Key.string("pve_version");

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        // the run's host config (--node) and its client (the run owns and closes it), called through Pve so that
        // a cancelled run ends the call at once and the client's retries become events
        return ctx.requireHost().flatMap(host -> Pve.host(ctx).flatMap(pve -> Pve.call(ctx, "checking the PVE API",
                () -> check(ctx, pve.client()))).flatMap(answer -> online(host, answer)));
    }

    private static Either<ProxmoxFailure, Answer> check(ActionContext ctx, ProxmoxClient pve) {
        return pve.version().flatMap(version -> pve.nodes().map(nodes -> {
            ctx.progress("PVE " + version.version() + " at " + pve.baseUri());
            return new Answer(version.release(), nodes);
        }));
    }

    private static Either<ActionFailure, ActionResult> online(HostConfig host, Answer answer) {
        boolean up = answer.nodes().stream()
                .anyMatch(n -> n.node().equals(host.nodeName()) && "online".equals(n.status()));
        if (!up) {
            String listed = answer.nodes().stream().map(n -> n.node() + " (" + n.status() + ")")
                    .collect(Collectors.joining(", "));
            return Either.left(new ActionFailure.Precondition("node '" + host.nodeName() + "' is not online at "
                    + host.apiEndpoint().orElseThrow() + " (nodes: " + listed + "): check " + host.file()));
        }
        return Either.right(ActionResult.of("PVE " + answer.release() + ", node " + host.nodeName() + " online",
                Facts.empty().with(PVE_VERSION, answer.release())));
    }

    @Override
    public String describe() {
        return "check the PVE API of the node";
    }

    private record Answer(String release, List<NodeSummary> nodes) {
    }
}
