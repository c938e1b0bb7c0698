package dev.homestak.scenarios.builtin;

import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.DiscoverVmsAction;
import dev.homestak.actions.DiscoveredVm;
import dev.homestak.actions.ProvisionedVm;
import dev.homestak.actions.PveTarget;
import dev.homestak.core.ResolvedEnv;
import dev.homestak.core.ResolvedVm;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The existing VMs of an env on a PVE, for stop: each env VM by its id (fact, {@code --vm-id} or the env's) and its
 * name, or by name alone for a VM whose id PVE chose. A VM found at the id under another name is not the env's and
 * is left alone. (Destroy has this in {@code DestroyVmsAction.withSameNameOnly()}; the actions have no
 * env-wide stop, so the stop phase selects the VMs here and stops each with {@code StopVmAction}.)
 */
final class EnvTargets {

    private EnvTargets() {}

    /** The env's VMs that exist on {@code target} (every VM of the PVE listed with {@link DiscoverVmsAction}). */
    static Either<ActionFailure, List<ProvisionedVm>> existing(ActionContext ctx, PveTarget target, ResolvedEnv env) {
        DiscoverVmsAction everyVm = new DiscoverVmsAction(target, "*", 0, Integer.MAX_VALUE, Optional.empty());
        Optional<String> node = target instanceof PveTarget.Host ? ctx.host().map(h -> h.nodeName()) : Optional.empty();
        return everyVm.find(ctx).map(listed -> {
            List<ProvisionedVm> found = new ArrayList<>();
            for (ResolvedVm vm : env.vms()) {
                Optional<Integer> id = EnvVms.vmid(ctx, vm);
                listed.stream()
                        .filter(s -> vm.name().equals(s.name()))
                        .filter(s -> node.map(n -> n.equals(s.node())).orElse(true))
                        .filter(s -> id.map(i -> i == s.vmid()).orElse(true))
                        .map(DiscoveredVm::vmid)
                        .findFirst()
                        .ifPresent(vmid -> found.add(new ProvisionedVm(vm.name(), vmid)));
            }
            return List.copyOf(found);
        });
    }
}
