package dev.homestak.scenarios;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionResult;
import dev.homestak.actions.Actions;
import dev.homestak.actions.ProvisionedVm;
import dev.homestak.actions.PveTarget;
import dev.homestak.actions.VmTeardown;
import dev.homestak.core.Facts;
import dev.homestak.core.HostConfig;
import dev.homestak.core.Key;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the scenario phases run a {@code homestak-actions} Proxmox action on each of several VMs: the VM's id is
 * handed to the action in a fact of its own, the VMs run at once, and a failure is named after the step, the VM's
 * name and the PVE ({@link StepFailure}), which the actions cannot know.
 */
final class VmSteps {

    /** The fact the per-VM actions read the VM id from; it lives only in the step's own context. */
    static final Key<Integer> VM_ID = Key.integer("step_vm_id");

    private VmSteps() {
    }

    /** For messages: the host's name, or {@code nested PVE <inner_ip>}. */
    static Either<ActionFailure, String> label(ActionContext ctx, PveTarget target) {
        return target instanceof PveTarget.Nested n
                ? ctx.require(n.addressKey()).map(address -> "nested PVE " + address)
                : ctx.requireHost().map(HostConfig::name);
    }

    /**
     * {@code step} (built for the id fact {@link #VM_ID}) on {@code vm}; its failure reads {@code <verb> VM <id>
     * (<name>) on <label>: <reason>}.
     */
    static Action<ActionResult> onVm(String verb, ProvisionedVm vm, String label, Function<Key<Integer>, Action<ActionResult>> step) {
        String what = verb + " VM " + vm.vmid() + " (" + vm.name() + ") on " + label;
        Action<ActionResult> action = step.apply(VM_ID);
        return ctx -> action.run(ctx.withFacts(ctx.facts().with(VM_ID, vm.vmid()))).mapLeft(f -> StepFailure.wrap(what, f));
    }

    /** {@code steps} at once; the first failure cancels the others ({@link Actions#parallel}). */
    static Action<List<ActionResult>> all(List<Action<ActionResult>> steps) {
        return Actions.parallel(Math.max(1, steps.size()), steps);
    }

    /** The VM named {@code vmName} (fact {@code <vm>_vm_id}), or every entry of {@code provisioned_vms} when empty. */
    static Either<ActionFailure, List<ProvisionedVm>> select(ActionContext ctx, Optional<String> vmName) {
        return vmName.isPresent()
                ? ctx.require(Facts.vmIdKey(vmName.get())).map(id -> List.of(new ProvisionedVm(vmName.get(), id)))
                : ProvisionedVm.from(ctx.facts());
    }

    /** Each failure of {@code teardown} as {@code destroying VM <id> (<name>) on <label>: <reason>}. */
    static List<String> failures(VmTeardown teardown, String label) {
        return teardown.failed().stream()
                .map(f -> StepFailure.wrap("destroying " + f.vm().label() + " on " + label, f.cause()).message()).toList();
    }
}
