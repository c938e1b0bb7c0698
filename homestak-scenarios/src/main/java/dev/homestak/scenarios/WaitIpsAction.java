package dev.homestak.scenarios;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionResult;
import dev.homestak.actions.Actions;
import dev.homestak.core.Facts;
import dev.homestak.core.Key;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Waits for the guest agent IPs of VMs [WaitForGuestAgentAction, WaitForProvisionedVMsAction, ...Remote]: one
 * VM by name, or every VM of {@code provisioned_vms}, all at once. Facts: {@code <vm>_ip} for each VM,
 * {@code ipFact} for the first ({@code vm_ip}, {@code inner_ip}, {@code test_ip}).
 *
 * @param vmName  the VM ({@code <vm>_vm_id}), or empty for all provisioned VMs
 * @param ipFact  the fact that gets the (first) VM's address
 * @param where   the host's node or the nested PVE
 * @param timeout limit of each wait
 */
record WaitIpsAction(Optional<String> vmName, Key<String> ipFact, PveAccess.Where where, Duration timeout)
        implements Action<ActionResult> {

    WaitIpsAction {
        Objects.requireNonNull(vmName, "vmName");
        Objects.requireNonNull(ipFact, "ipFact");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        return ProvisionedVms.select(ctx, vmName).flatMap(vms -> PveAccess.resolve(ctx, where).flatMap(node -> {
            List<Action<String>> waits = vms.stream()
                    .<Action<String>>map(vm -> c -> VmPower.awaitIp(c, node, vm.vmid(), vm.name(), timeout)).toList();
            return Actions.parallel(Math.max(1, waits.size()), waits).run(ctx).map(ips -> result(vms, ips));
        }));
    }

    private ActionResult result(List<ProvisionedVms.Vm> vms, List<String> ips) {
        Facts facts = Facts.empty();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < vms.size(); i++) {
            facts = facts.with(Facts.vmIpKey(vms.get(i).name()), ips.get(i));
            lines.add(vms.get(i).name() + "=" + ips.get(i));
        }
        if (!ips.isEmpty()) {
            facts = facts.with(ipFact, ips.get(0));
        }
        return ActionResult.of(vms.size() == 1 ? "VM " + vms.get(0).vmid() + " has IP " + ips.get(0)
                : "All " + vms.size() + " VMs have IPs: " + String.join(", ", lines), facts);
    }

    @Override
    public String describe() {
        return "wait for the IP of " + vmName.map(n -> "VM " + n).orElse("the provisioned VMs") + " into " + ipFact.name();
    }
}
