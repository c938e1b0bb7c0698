package dev.homestak.actions;

import dev.homestak.core.Facts;
import dev.homestak.core.ResolvedEnv;
import dev.homestak.core.ResolvedVm;
import dev.homestak.proxmox.model.ClusterResource;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Destroys the VMs of a resolved env that {@link ProvisionVmsAction} created (the native
 * counterpart of {@link TofuDestroyAction}): each VM is stopped if it runs and deleted with purge,
 * up to {@code maxConcurrency} at once. A VM's id is taken from {@code <vmname>_vm_id}, then
 * {@code vm_id_overrides}, then the env; a VM without an id is looked up by name on the node.
 * VMs that are already gone are successes, so a destroy can be repeated. Writes no facts.
 *
 * @param env            the env resolved for the node
 * @param maxConcurrency VMs destroyed at once (8)
 * @param timeout        limit of each stop and delete task (300 s)
 */
public record DestroyProvisionedVmsAction(ResolvedEnv env, int maxConcurrency, Duration timeout)
        implements Action<ActionResult> {

    /** Validates components. */
    public DestroyProvisionedVmsAction {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(timeout, "timeout");
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1");
        }
    }

    /** Destroys {@code env}'s VMs, 8 at once, 300 s per task. */
    public static DestroyProvisionedVmsAction of(ResolvedEnv env) {
        return new DestroyProvisionedVmsAction(env, StartProvisionedVMsAction.DEFAULT_CONCURRENCY, Duration.ofSeconds(300));
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        List<ResolvedVm> vms = NativeVms.withOverrides(env.vms(), ctx.facts());
        return ctx.proxmox().forHost(env.host()).map(client -> new Pve.Node(client, env.node(), env.host().name()))
                .flatMap(node -> resources(ctx, node, vms).flatMap(resources -> {
                    List<Action<String>> destroys = new ArrayList<>();
                    for (ResolvedVm vm : vms) {
                        Optional<Integer> vmid = idOf(ctx.facts(), vm, resources);
                        destroys.add(c -> vmid.isEmpty() ? Either.right(vm.name() + " not found")
                                : VmOps.destroy(c, node, vmid.get(), timeout));
                    }
                    return Actions.parallel(maxConcurrency, destroys).run(ctx);
                }))
                .map(done -> ActionResult.of("Destroyed " + env.env() + " on " + env.node() + ": " + String.join("; ", done)));
    }

    /** The node's VMs, needed only when some VM has no known id. */
    private Either<ActionFailure, List<ClusterResource>> resources(ActionContext ctx, Pve.Node node, List<ResolvedVm> vms) {
        boolean allKnown = vms.stream().allMatch(vm -> ctx.facts().contains(Facts.vmIdKey(vm.name()).name()) || vm.vmid().isPresent());
        if (allKnown) {
            return Either.right(List.of());
        }
        return Pve.call(ctx, "listing the VMs", () -> node.client().cluster().resources(Optional.of("vm")));
    }

    private Optional<Integer> idOf(Facts facts, ResolvedVm vm, List<ClusterResource> resources) {
        Optional<Integer> fromFacts;
        try {
            fromFacts = facts.get(Facts.vmIdKey(vm.name()));
        } catch (IllegalStateException e) {
            fromFacts = Optional.empty();
        }
        if (fromFacts.isPresent()) {
            return fromFacts;
        }
        if (vm.vmid().isPresent()) {
            return vm.vmid();
        }
        List<Integer> byName = resources.stream()
                .filter(r -> r.name().orElse("").equals(vm.name()) && r.node().orElse(env.node()).equals(env.node()))
                .flatMap(r -> r.vmid().stream()).toList();
        return byName.size() == 1 ? Optional.of(byName.get(0)) : Optional.empty();
    }

    @Override
    public String describe() {
        return "destroy " + env.env() + " on " + env.node() + " (API)";
    }
}
