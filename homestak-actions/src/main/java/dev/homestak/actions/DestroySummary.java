package dev.homestak.actions;

import io.vavr.control.Either;
import java.util.List;

/**
 * {@link DestroyVmsAction#summary()}: a {@link VmTeardown} as one result, in the words of the action each selection
 * replaces, so that messages, reports and pass or fail stay what they were.
 */
final class DestroySummary {

    private DestroySummary() {}

    static Either<ActionFailure, ActionResult> of(VmSelection selection, Teardowns.Plan plan, VmTeardown t) {
        if (plan.vms().isEmpty() && plan.node().isEmpty()) {
            return Either.right(ActionResult.of("No VMs to destroy"));
        }
        return switch (selection) {
            case VmSelection.ByKey k -> oneVm(plan.vms().get(0).vm(), t);
            case VmSelection.Discovered d -> counted(plan, t);
            default -> several(selection, plan, t);
        };
    }

    /** [DestroyVMAction] {@code VM <id> destroyed} or {@code VM <id> does not exist}; the VM's failure as it is. */
    private static Either<ActionFailure, ActionResult> oneVm(ProvisionedVm vm, VmTeardown t) {
        if (!t.ok()) {
            return Either.left(t.failed().get(0).cause());
        }
        return Either.right(
                ActionResult.of("VM " + vm.vmid() + (t.destroyed().contains(vm) ? " destroyed" : " does not exist")));
    }

    /** [DestroyDiscoveredVMsAction] {@code Destroyed <n> VMs: VM <id> destroyed; VM <id> does not exist}. */
    private static Either<ActionFailure, ActionResult> counted(Teardowns.Plan plan, VmTeardown t) {
        if (!t.ok()) {
            return failure(t);
        }
        List<String> each = plan.vms().stream()
                .map(Teardowns.Doomed::vm)
                .map(vm -> "VM " + vm.vmid() + " " + (t.destroyed().contains(vm) ? "destroyed" : whyKept(vm, t)))
                .toList();
        return Either.right(ActionResult.of("Destroyed " + each.size() + " VMs: " + String.join("; ", each)));
    }

    private static String whyKept(ProvisionedVm vm, VmTeardown t) {
        return t.refused().contains(vm) ? "left alone" : "does not exist";
    }

    /** {@code Destroyed VM 1 (a), VM 2 (b) on <node>} or {@code No VM of <selection> left on <node>}. */
    private static Either<ActionFailure, ActionResult> several(
            VmSelection selection, Teardowns.Plan plan, VmTeardown t) {
        if (!t.ok()) {
            return failure(t);
        }
        String on = plan.node().map(n -> " on " + n.node()).orElse("");
        return Either.right(ActionResult.of(
                t.destroyed().isEmpty()
                        ? "No VM of " + selection.describe() + " left" + on
                        : "Destroyed " + String.join(", ", t.destroyedLabels()) + on));
    }

    /** {@code VM <id> (<name>): <reason>; ... (destroyed VM <id> (<name>), ...)}. */
    private static Either<ActionFailure, ActionResult> failure(VmTeardown t) {
        String destroyed = String.join(", ", t.destroyedLabels());
        return Either.left(new ActionFailure.Precondition(
                String.join("; ", t.failed().stream().map(VmFailure::message).toList())
                        + (destroyed.isEmpty() ? "" : " (destroyed " + destroyed + ")")));
    }
}
