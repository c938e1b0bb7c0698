package dev.homestak.actions;

import dev.homestak.core.Facts;
import dev.homestak.core.HostConfig;
import dev.homestak.core.Key;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a Proxmox action of one VM runs on each of several VMs (used by {@link StartVmsAction},
 * {@link WaitForVmIpsAction} and the scenarios' env-level actions): the VM's id is
 * handed to the action in a fact of its own, the VMs run at once, and a failure is named after the step, the VM's
 * name and the PVE ({@link StepFailure}), which the actions cannot know.
 */
public final class VmSteps {

    /** The fact the per-VM actions read the VM id from; it lives only in the step's own context. */
    public static final Key<Integer> VM_ID = Key.integer("step_vm_id");

    /** A concurrency limit meaning "every VM at once". */
    public static final int ALL = Integer.MAX_VALUE;

    private VmSteps() {}

    /** For messages: the host's name, or {@code nested PVE <inner_ip>}. */
    public static Either<ActionFailure, String> label(ActionContext ctx, PveTarget target) {
        return target instanceof PveTarget.Nested n
                ? ctx.require(n.addressKey()).map(address -> "nested PVE " + address)
                : ctx.requireHost().map(HostConfig::name);
    }

    /**
     * {@code step} (built for the id fact {@link #VM_ID}) on {@code vm}; its failure reads {@code <verb> VM <id>
     * (<name>) on <label>: <reason>}.
     */
    public static Action<ActionResult> onVm(
            String verb, ProvisionedVm vm, String label, Function<Key<Integer>, Action<ActionResult>> step) {
        String what = verb + " VM " + vm.vmid() + " (" + vm.name() + ") on " + label;
        Action<ActionResult> action = step.apply(VM_ID);
        return ctx ->
                action.run(ctx.withFacts(ctx.facts().with(VM_ID, vm.vmid()))).mapLeft(f -> StepFailure.wrap(what, f));
    }

    /** {@code steps} at once; the first failure cancels the others ({@link Actions#parallel}). */
    public static Action<List<ActionResult>> all(List<Action<ActionResult>> steps) {
        return all(ALL, steps);
    }

    /** {@code steps}, at most {@code maxConcurrency} at a time; the first failure cancels the others. */
    public static Action<List<ActionResult>> all(int maxConcurrency, List<Action<ActionResult>> steps) {
        return Actions.parallel(maxConcurrency, steps);
    }

    /** The VM named {@code vmName} (fact {@code <vm>_vm_id}), or every entry of {@code provisioned_vms} when empty. */
    public static Either<ActionFailure, List<ProvisionedVm>> select(ActionContext ctx, Optional<String> vmName) {
        return vmName.isPresent()
                ? ctx.require(Facts.vmIdKey(vmName.get())).map(id -> List.of(new ProvisionedVm(vmName.get(), id)))
                : ProvisionedVm.from(ctx.facts());
    }

    /** Each failure of {@code teardown} as {@code destroying VM <id> (<name>) on <label>: <reason>}. */
    public static List<String> failures(VmTeardown teardown, String label) {
        return teardown.failed().stream()
                .map(f -> StepFailure.wrap("destroying " + f.vm().label() + " on " + label, f.cause())
                        .message())
                .toList();
    }
}
