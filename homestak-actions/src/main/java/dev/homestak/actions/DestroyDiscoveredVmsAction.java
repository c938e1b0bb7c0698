package dev.homestak.actions;

import dev.homestak.core.Key;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Destroys every VM of a discovery fact [DestroyDiscoveredVMsAction] on the node it was found on:
 * a running VM is stopped first (when {@code forceStop}; otherwise that VM fails), then it is deleted
 * with purge; up to {@code maxConcurrency} at once. An empty list is a success. Reads
 * {@code fact} ({@code discovered_vms}); writes nothing.
 *
 * @param target         the PVE the VMs were discovered on
 * @param fact           the fact with the VMs ({@link ActionKeys#DISCOVERED_VMS})
 * @param forceStop      stop running VMs first (true)
 * @param stopTimeout    limit of each stop and delete task (30 s)
 * @param maxConcurrency VMs handled at once (8)
 */
public record DestroyDiscoveredVmsAction(
        PveTarget target, Key<List<DiscoveredVm>> fact, boolean forceStop, Duration stopTimeout, int maxConcurrency)
        implements Action<ActionResult> {

    /** Validates components. */
    public DestroyDiscoveredVmsAction {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1");
        }
    }

    /** The original's defaults: {@code discovered_vms} on the host's node, force stop, 30 s. */
    public static DestroyDiscoveredVmsAction of() {
        return new DestroyDiscoveredVmsAction(
                PveTarget.host(),
                ActionKeys.DISCOVERED_VMS,
                true,
                Duration.ofSeconds(30),
                StartVmsAction.DEFAULT_CONCURRENCY);
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        return ActionContext.requireFact(ctx.facts(), fact).flatMap(entries -> destroyAll(ctx, entries));
    }

    private Either<ActionFailure, ActionResult> destroyAll(ActionContext ctx, List<DiscoveredVm> entries) {
        if (entries.isEmpty()) {
            return Either.right(ActionResult.of("No VMs to destroy"));
        }
        return Pve.resolve(ctx, target).flatMap(node -> {
            List<Action<String>> destroys = new ArrayList<>();
            for (DiscoveredVm vm : entries) {
                String onNode = vm.node().isEmpty() ? node.node() : vm.node();
                destroys.add(c -> destroy(c, new Pve.Node(node.client(), onNode, node.label()), vm.vmid()));
            }
            return Actions.parallel(maxConcurrency, destroys)
                    .run(ctx)
                    .map(done -> ActionResult.of("Destroyed " + done.size() + " VMs: " + String.join("; ", done)));
        });
    }

    private Either<ActionFailure, String> destroy(ActionContext ctx, Pve.Node node, int vmid) {
        if (forceStop) {
            return VmOps.destroy(ctx, node, vmid, stopTimeout);
        }
        return VmOps.status(ctx, node, vmid)
                .flatMap(status -> status.isPresent() && status.get().running()
                        ? Either.left(new ActionFailure.Precondition("VM " + vmid + " is running and forceStop is off"))
                        : VmOps.destroy(ctx, node, vmid, stopTimeout));
    }

    @Override
    public String describe() {
        return "destroy " + fact.name();
    }
}
