package dev.homestak.scenarios;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionResult;
import dev.homestak.actions.ProvisionedVm;
import dev.homestak.actions.PveTarget;
import dev.homestak.actions.WaitForGuestAgentAction;
import dev.homestak.core.Facts;
import dev.homestak.core.Key;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Waits for the guest agent IPs of VMs [WaitForGuestAgentAction, WaitForProvisionedVMsAction, ...Remote] with
 * {@link WaitForGuestAgentAction}: one VM by name, or every VM of {@code provisioned_vms}, all at once. Facts:
 * {@code <vm>_ip} for each VM, {@code ipFact} for the first ({@code vm_ip}, {@code inner_ip}, {@code test_ip});
 * {@code WaitForProvisionedVMsAction} writes only {@code vm_ip}, and its failures do not name the VM.
 *
 * @param vmName  the VM ({@code <vm>_vm_id}), or empty for all provisioned VMs
 * @param ipFact  the fact that gets the (first) VM's address
 * @param target  the host's node or the nested PVE
 * @param timeout limit of each wait
 */
record WaitIpsAction(Optional<String> vmName, Key<String> ipFact, PveTarget target, Duration timeout)
        implements Action<ActionResult> {

    WaitIpsAction {
        Objects.requireNonNull(vmName, "vmName");
        Objects.requireNonNull(ipFact, "ipFact");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        return VmSteps.select(ctx, vmName).flatMap(vms -> VmSteps.label(ctx, target).flatMap(label -> {
            List<Action<ActionResult>> waits = vms.stream().map(vm -> VmSteps.onVm("waiting for the IP of", vm, label,
                    key -> progress(vm, new WaitForGuestAgentAction(key, target, Facts.vmIpKey(vm.name()), timeout)))).toList();
            return VmSteps.all(waits).run(ctx).map(done -> result(vms, done));
        }));
    }

    private static Action<ActionResult> progress(ProvisionedVm vm, Action<ActionResult> wait) {
        return ctx -> {
            ctx.progress("waiting for the IP of VM " + vm.vmid() + " (" + vm.name() + ")");
            return wait.run(ctx);
        };
    }

    private ActionResult result(List<ProvisionedVm> vms, List<ActionResult> done) {
        Facts facts = Facts.empty();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < vms.size(); i++) {
            facts = facts.merge(done.get(i).facts());
            lines.add(vms.get(i).name() + "=" + done.get(i).facts().get(Facts.vmIpKey(vms.get(i).name())).orElse(""));
        }
        if (!vms.isEmpty()) {
            facts = facts.with(ipFact, done.get(0).facts().get(Facts.vmIpKey(vms.get(0).name())).orElse(""));
        }
        return vms.size() == 1 ? ActionResult.of(done.get(0).message(), facts)
                : ActionResult.of("All " + vms.size() + " VMs have IPs: " + String.join(", ", lines), facts);
    }

    @Override
    public String describe() {
        return "wait for the IP of " + vmName.map(n -> "VM " + n).orElse("the provisioned VMs") + " into " + ipFact.name();
    }
}
