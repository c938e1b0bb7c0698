package dev.homestak.scenarios;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionResult;
import dev.homestak.actions.ProvisionedVm;
import dev.homestak.actions.PveTarget;
import dev.homestak.actions.StartVMAction;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Starts VMs [StartVMAction, StartProvisionedVMsAction, StartVMRemoteAction] with {@link StartVMAction}: one VM by
 * name, or every VM of {@code provisioned_vms}, all at once; the first failure stops the others. A VM that already
 * runs is left alone. Message {@code Started N VMs: a, b}. Each VM is its own {@code StartVMAction} (rather than
 * {@code StartProvisionedVMsAction}) so that a failure names the VM and the PVE, not just the id.
 *
 * @param vmName  the VM ({@code <vm>_vm_id}), or empty for all provisioned VMs
 * @param target  the host's node or the nested PVE
 * @param timeout limit of each start task
 */
record StartVmsAction(Optional<String> vmName, PveTarget target, Duration timeout) implements Action<ActionResult> {

    StartVmsAction {
        Objects.requireNonNull(vmName, "vmName");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        return VmSteps.select(ctx, vmName).flatMap(vms -> VmSteps.label(ctx, target).flatMap(label -> {
            List<Action<ActionResult>> starts = vms.stream().map(vm -> VmSteps.onVm("starting", vm, label,
                    key -> new StartVMAction(key, target, timeout))).toList();
            return VmSteps.all(starts).run(ctx).map(done -> vms.size() == 1 ? done.get(0)
                    : ActionResult.of("Started " + vms.size() + " VMs: " + String.join(", ", vms.stream().map(ProvisionedVm::name).toList())));
        }));
    }

    @Override
    public String describe() {
        return "start " + vmName.map(n -> "VM " + n).orElse("provisioned VMs") + (target instanceof PveTarget.Nested ? " on the nested PVE" : "");
    }
}
