package dev.homestak.scenarios;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionResult;
import dev.homestak.actions.Actions;
import dev.homestak.actions.DestroyVMAction;
import dev.homestak.actions.ProvisionedVm;
import dev.homestak.actions.PveTarget;
import dev.homestak.core.HostConfig;
import dev.homestak.core.Key;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * Destroys every VM of {@code vms} on {@code target} at once (stop, delete with purge; gone is fine). Unlike
     * {@link Actions#parallel} alone, every VM is tried even when another fails, because a cleanup removes all it
     * can.
     */
    static Action<Teardown> destroyAll(List<ProvisionedVm> vms, PveTarget target, String label, Duration timeout) {
        List<Action<Either<ActionFailure, ActionResult>>> destroys = vms.stream()
                .<Action<Either<ActionFailure, ActionResult>>>map(vm -> {
                    Action<ActionResult> one = onVm("destroying", vm, label, key -> new DestroyVMAction(key, target, timeout, false));
                    return c -> Either.right(one.run(c));
                }).toList();
        return ctx -> Actions.parallel(Math.max(1, destroys.size()), destroys).run(ctx).map(done -> {
            List<String> gone = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            for (int i = 0; i < done.size(); i++) {
                ProvisionedVm vm = vms.get(i);
                done.get(i).peek(r -> gone.add("VM " + vm.vmid() + " (" + vm.name() + ")")).peekLeft(f -> failed.add(f.message()));
            }
            return new Teardown(List.copyOf(gone), List.copyOf(failed));
        });
    }

    /**
     * What {@link #destroyAll} did.
     *
     * @param gone   {@code VM <id> (<name>)} of each VM removed
     * @param failed the failure message of each VM that could not be removed
     */
    record Teardown(List<String> gone, List<String> failed) {
    }
}
