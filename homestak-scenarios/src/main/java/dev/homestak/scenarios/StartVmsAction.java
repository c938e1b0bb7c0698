package dev.homestak.scenarios;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionResult;
import dev.homestak.actions.Actions;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Starts VMs [StartVMAction, StartProvisionedVMsAction, StartVMRemoteAction]: one VM by name, or every VM of
 * {@code provisioned_vms}, all at once (not one after another); the first failure stops the others. A VM
 * that already runs is left alone. Message {@code Started N VMs: a, b}.
 *
 * @param vmName  the VM ({@code <vm>_vm_id}), or empty for all provisioned VMs
 * @param where   the host's node or the nested PVE
 * @param timeout limit of each start task
 */
record StartVmsAction(Optional<String> vmName, PveAccess.Where where, Duration timeout) implements Action<ActionResult> {

    StartVmsAction {
        Objects.requireNonNull(vmName, "vmName");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        return ProvisionedVms.select(ctx, vmName).flatMap(vms -> PveAccess.resolve(ctx, where).flatMap(node -> {
            List<Action<String>> starts = vms.stream()
                    .<Action<String>>map(vm -> c -> VmPower.start(c, node, vm.vmid(), vm.name(), timeout)).toList();
            return Actions.parallel(Math.max(1, starts.size()), starts).run(ctx).map(done -> vms.size() == 1
                    ? ActionResult.of(done.get(0))
                    : ActionResult.of("Started " + vms.size() + " VMs: "
                            + String.join(", ", vms.stream().map(ProvisionedVms.Vm::name).toList())));
        }));
    }

    @Override
    public String describe() {
        return "start " + vmName.map(n -> "VM " + n).orElse("provisioned VMs") + (where == PveAccess.Where.NESTED ? " on the nested PVE" : "");
    }
}
