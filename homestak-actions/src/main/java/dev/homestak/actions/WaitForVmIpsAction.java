package dev.homestak.actions;

import dev.homestak.core.Facts;
import dev.homestak.core.Key;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Waits for the guest agent IPs of VMs [WaitForProvisionedVMsAction; per VM: WaitForGuestAgentAction, ...Remote]
 * with {@link WaitForGuestAgentAction}: one VM by name, or every VM of {@code provisioned_vms}, up to
 * {@code maxConcurrency} at once. Facts: {@code <vm>_ip} for each VM, {@code ipFact} for the first ({@code vm_ip},
 * {@code inner_ip}, {@code test_ip}). Message {@code All N VMs have IPs: a=10.0.0.5, b=...} (one VM: the wait's
 * message); a failure names the VM and the PVE ({@link StepFailure}).
 *
 * @param vmName  the VM ({@code <vm>_vm_id}), or empty for all provisioned VMs
 * @param ipFact  the fact that gets the (first) VM's address
 * @param target  the host's node or the nested PVE
 * @param maxConcurrency VMs waited for at once ({@link VmSteps#ALL} for all)
 * @param timeout limit of each wait
 */
public record WaitForVmIpsAction(
        Optional<String> vmName, Key<String> ipFact, PveTarget target, int maxConcurrency, Duration timeout)
        implements Action<ActionResult> {

    /** Validates components. */
    public WaitForVmIpsAction {
        Objects.requireNonNull(vmName, "vmName");
        Objects.requireNonNull(ipFact, "ipFact");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(timeout, "timeout");
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1");
        }
    }

    /** Every provisioned VM on the host's node into {@code vm_ip}, 8 at once, 300 s each. */
    public static WaitForVmIpsAction of() {
        return new WaitForVmIpsAction(
                Optional.empty(),
                Facts.VM_IP,
                PveTarget.host(),
                StartVmsAction.DEFAULT_CONCURRENCY,
                WaitForGuestAgentAction.DEFAULT_TIMEOUT);
    }

    /** The VM {@code vmName} ({@code <vm>_vm_id}) on the host's node into {@code ipFact}, 300 s. */
    public static WaitForVmIpsAction vm(String vmName, Key<String> ipFact) {
        return new WaitForVmIpsAction(
                Optional.of(vmName),
                ipFact,
                PveTarget.host(),
                StartVmsAction.DEFAULT_CONCURRENCY,
                WaitForGuestAgentAction.DEFAULT_TIMEOUT);
    }

    /** A copy on {@code other}. */
    public WaitForVmIpsAction on(PveTarget other) {
        return new WaitForVmIpsAction(vmName, ipFact, other, maxConcurrency, timeout);
    }

    /** A copy with another limit per VM. */
    public WaitForVmIpsAction withTimeout(Duration limit) {
        return new WaitForVmIpsAction(vmName, ipFact, target, maxConcurrency, limit);
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        return VmSteps.select(ctx, vmName)
                .flatMap(vms -> VmSteps.label(ctx, target).flatMap(label -> {
                    List<Action<ActionResult>> waits = vms.stream()
                            .map(vm -> VmSteps.onVm(
                                    "waiting for the IP of",
                                    vm,
                                    label,
                                    key -> progress(
                                            vm,
                                            new WaitForGuestAgentAction(
                                                    key, target, Facts.vmIpKey(vm.name()), timeout))))
                            .toList();
                    return VmSteps.all(maxConcurrency, waits).run(ctx).map(done -> result(vms, done));
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
            lines.add(vms.get(i).name() + "="
                    + done.get(i).facts().get(Facts.vmIpKey(vms.get(i).name())).orElse(""));
        }
        if (!vms.isEmpty()) {
            facts = facts.with(
                    ipFact,
                    done.get(0).facts().get(Facts.vmIpKey(vms.get(0).name())).orElse(""));
        }
        return vms.size() == 1
                ? ActionResult.of(done.get(0).message(), facts)
                : ActionResult.of("All " + vms.size() + " VMs have IPs: " + String.join(", ", lines), facts);
    }

    @Override
    public String describe() {
        return "wait for the IP of " + vmName.map(n -> "VM " + n).orElse("the provisioned VMs") + " into "
                + ipFact.name();
    }
}
