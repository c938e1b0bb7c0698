package dev.homestak.actions;

import dev.homestak.proxmox.model.ClusterResource;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The destroy of several VMs that tries every VM even when another fails (a cleanup removes all it
 * can), shared by {@link DestroyVmsAction} and {@link DestroyProvisionedVmsAction}.
 */
final class Teardowns {

    private enum Outcome {
        DESTROYED,
        REFUSED,
        ABSENT
    }

    private Teardowns() {}

    /**
     * Destroys {@code vms} on {@code node}, {@code maxConcurrency} at once. With a {@code listing} of the node's
     * VMs, a VM whose id is not listed is skipped and one listed under another name is refused (left alone).
     */
    static Either<ActionFailure, VmTeardown> run(
            ActionContext ctx,
            Pve.Node node,
            List<ProvisionedVm> vms,
            Optional<List<ClusterResource>> listing,
            int maxConcurrency,
            Duration timeout) {
        List<Action<Either<ActionFailure, Outcome>>> destroys = new ArrayList<>();
        for (ProvisionedVm vm : vms) {
            // each VM's failure is kept as a value, so that it does not cancel the others
            destroys.add(c -> Either.right(one(c, node, vm, listing, timeout)));
        }
        return Actions.parallel(maxConcurrency, destroys).run(ctx).map(done -> {
            List<ProvisionedVm> destroyed = new ArrayList<>();
            List<ProvisionedVm> refused = new ArrayList<>();
            List<VmFailure> failed = new ArrayList<>();
            for (int i = 0; i < done.size(); i++) {
                ProvisionedVm vm = vms.get(i);
                done.get(i).peekLeft(f -> failed.add(new VmFailure(vm, f))).peek(outcome -> {
                    switch (outcome) {
                        case DESTROYED -> destroyed.add(vm);
                        case REFUSED -> refused.add(vm);
                        case ABSENT -> {}
                    }
                });
            }
            return new VmTeardown(destroyed, refused, failed);
        });
    }

    private static Either<ActionFailure, Outcome> one(
            ActionContext ctx,
            Pve.Node node,
            ProvisionedVm vm,
            Optional<List<ClusterResource>> listing,
            Duration timeout) {
        if (listing.isPresent()) {
            Optional<ClusterResource> there = listing.get().stream()
                    .filter(r -> r.vmid().equals(Optional.of(vm.vmid())))
                    .filter(r -> r.node().orElse(node.node()).equals(node.node()))
                    .findFirst();
            if (there.isEmpty()) {
                return Either.right(Outcome.ABSENT);
            }
            if (!there.get().name().orElse("").equals(vm.name())) {
                ctx.progress("VM " + vm.vmid() + " on " + node.label() + " is '"
                        + there.get().name().orElse("") + "', not '" + vm.name() + "': left alone");
                return Either.right(Outcome.REFUSED);
            }
        }
        return VmOps.destroy(ctx, node, vm.vmid(), timeout).map(done -> Outcome.DESTROYED);
    }

    /** The node's VMs when {@code wanted}, else empty without asking. */
    static Either<ActionFailure, Optional<List<ClusterResource>>> listingIf(
            boolean wanted, ActionContext ctx, Pve.Node node) {
        return wanted ? listing(ctx, node).map(Optional::of) : Either.right(Optional.empty());
    }

    /** The node's VMs ({@code GET /cluster/resources?type=vm}). */
    static Either<ActionFailure, List<ClusterResource>> listing(ActionContext ctx, Pve.Node node) {
        return Pve.call(ctx, "listing the VMs", () -> node.client().cluster().resources(Optional.of("vm")));
    }
}
