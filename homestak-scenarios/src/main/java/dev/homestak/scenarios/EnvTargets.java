package dev.homestak.scenarios;

import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.core.ResolvedEnv;
import dev.homestak.core.ResolvedVm;
import dev.homestak.proxmox.model.VmSummary;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The existing VMs of an env on a PVE, for stop and destroy: each env VM by its id (fact, {@code --vm-id} or
 * the env's), or, for a VM whose id PVE chose, by its name. A VM found at the id under another name is not
 * the env's and is left alone, so a destroy never removes a VM it did not create.
 */
final class EnvTargets {

    private EnvTargets() {
    }

    /** The env's VMs that exist on {@code node}. */
    static Either<ActionFailure, List<ProvisionedVms.Vm>> existing(ActionContext ctx, PveAccess.Node node, ResolvedEnv env) {
        return PveAccess.call(ctx, "listing the VMs on " + node.label(), () -> node.client().node(node.node()).qemu().list())
                .map(list -> {
                    List<ProvisionedVms.Vm> found = new ArrayList<>();
                    for (ResolvedVm vm : env.vms()) {
                        Optional<Integer> id = EnvVms.vmid(ctx, vm);
                        list.stream()
                                .filter(s -> s.name().filter(vm.name()::equals).isPresent())
                                .filter(s -> id.map(i -> i == s.vmid()).orElse(true))
                                .map(VmSummary::vmid).findFirst()
                                .ifPresent(vmid -> found.add(new ProvisionedVms.Vm(vm.name(), vmid)));
                    }
                    return List.copyOf(found);
                });
    }
}
