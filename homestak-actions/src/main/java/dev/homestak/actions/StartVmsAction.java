package dev.homestak.actions;

import io.vavr.control.Either;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Starts VMs [StartProvisionedVMsAction; per VM: StartVMAction, StartVMRemoteAction] with {@link StartVmAction}:
 * one VM by name, or every VM of {@code provisioned_vms}, up to {@code maxConcurrency} at once; the first failure
 * stops the others. A VM that already runs is left alone. Message {@code Started N VMs: a, b} (one VM: the
 * {@code StartVmAction}'s message); writes no facts. A failure names the step, the VM and the PVE:
 * {@code starting VM 99900 (test) on sim: ...} ({@link StepFailure}).
 *
 * @param vmName         the VM ({@code <vm>_vm_id}), or empty for all provisioned VMs
 * @param target         the host's node or the nested PVE
 * @param maxConcurrency VMs started at once ({@link VmSteps#ALL} for all)
 * @param timeout        limit of each start task
 */
public record StartVmsAction(Optional<String> vmName, PveTarget target, int maxConcurrency, Duration timeout)
        implements Action<ActionResult> {

    /** Default number of VMs handled at once by the env-wide actions. */
    static final int DEFAULT_CONCURRENCY = 8;

    /** Validates components. */
    public StartVmsAction {
        Objects.requireNonNull(vmName, "vmName");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(timeout, "timeout");
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1");
        }
    }

    /** Every provisioned VM on the host's node, 8 at once, 60 s each. */
    public static StartVmsAction of() {
        return new StartVmsAction(
                Optional.empty(), PveTarget.host(), DEFAULT_CONCURRENCY, StartVmAction.DEFAULT_TIMEOUT);
    }

    /** The VM {@code vmName} ({@code <vm>_vm_id}) on the host's node, 60 s. */
    public static StartVmsAction vm(String vmName) {
        return new StartVmsAction(
                Optional.of(vmName), PveTarget.host(), DEFAULT_CONCURRENCY, StartVmAction.DEFAULT_TIMEOUT);
    }

    /** A copy on {@code other}. */
    public StartVmsAction on(PveTarget other) {
        return new StartVmsAction(vmName, other, maxConcurrency, timeout);
    }

    /** A copy with another limit per start task. */
    public StartVmsAction withTimeout(Duration limit) {
        return new StartVmsAction(vmName, target, maxConcurrency, limit);
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        return VmSteps.select(ctx, vmName)
                .flatMap(vms -> VmSteps.label(ctx, target).flatMap(label -> {
                    List<Action<ActionResult>> starts = vms.stream()
                            .map(vm ->
                                    VmSteps.onVm("starting", vm, label, key -> new StartVmAction(key, target, timeout)))
                            .toList();
                    return VmSteps.all(maxConcurrency, starts)
                            .run(ctx)
                            .map(done -> vms.size() == 1
                                    ? done.get(0)
                                    : ActionResult.of("Started " + vms.size() + " VMs: "
                                            + String.join(
                                                    ", ",
                                                    vms.stream()
                                                            .map(ProvisionedVm::name)
                                                            .toList())));
                }));
    }

    @Override
    public String describe() {
        return "start " + vmName.map(n -> "VM " + n).orElse("provisioned VMs")
                + (target instanceof PveTarget.Nested ? " on the nested PVE" : "");
    }
}
