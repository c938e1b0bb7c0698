package ${package};

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionResult;
import dev.homestak.actions.Pve;
import dev.homestak.core.HostConfig;
import io.vavr.control.Either;
import java.util.Optional;

/**
 * Checks that the node's {@code datastore} (node file, else site default) exists on the node and can be read.
 * It calls Proxmox the way the built-in actions do ({@link Pve}): Ctrl-C or a phase timeout ends the call at
 * once, and the client's retries show up as the phase's retry events.
 */
record DatastoreCheckAction() implements Action<ActionResult> {

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        return ctx.requireHost().flatMap(host -> Pve.host(ctx)
                .flatMap(pve -> pve.call(ctx, "reading datastore " + host.datastore(),
                        node -> node.storage(host.datastore()).content(Optional.empty())))
                .map(volumes -> ActionResult.of("datastore " + host.datastore() + " on " + host.nodeName()
                        + ": " + volumes.size() + " volume(s)"))
                .mapLeft(failure -> failure instanceof ActionFailure.Api ? unusable(host, failure.message()) : failure));
    }

    private static ActionFailure unusable(HostConfig host, String why) {
        return new ActionFailure.Precondition("datastore '" + host.datastore() + "' is not usable on "
                + host.nodeName() + " (" + why + "): set datastore in " + host.file());
    }

    @Override
    public String describe() {
        return "check the datastore of the node";
    }
}
