package dev.homestak.actions;

import io.vavr.control.Either;
import java.time.Duration;
import java.util.Objects;

/**
 * Destroys VMs [DestroyVMAction, DestroyRemoteVMAction, DestroyDiscoveredVMsAction; the API counterpart of
 * TofuDestroyAction]: the VMs of a {@link VmSelection} (a list, the VM in a fact, {@code provisioned_vms},
 * {@code discovered_vms}, an env) are each stopped if they run and deleted with purge, up to {@code maxConcurrency}
 * at once, every VM tried even when another fails (a cleanup removes all it can). A VM already gone is a success,
 * so a destroy can be repeated. With {@code sameNameOnly}, one {@code GET /cluster/resources} is read first: a VM
 * not listed is already gone and a VM whose id holds a VM of another name is left alone, so a destroy never
 * removes a VM it was not meant for. Writes no facts.
 *
 * <p>The action's value says what happened to each VM ({@link VmTeardown}); it fails only when the selection's
 * fact is missing or the PVE cannot be reached or listed. {@link #summary()} is the same as one
 * {@link ActionResult} that fails when a VM could not be removed, and {@link #bestEffort()} one that never fails
 * (the original's remote destroy, for cleanup).
 *
 * @param selection      the VMs
 * @param target         the host's node (an env's own host for {@link VmSelection#env}) or the nested PVE
 * @param sameNameOnly   leave a VM alone whose name is not the expected one (not for {@link VmSelection#byKey},
 *                       which knows no name)
 * @param maxConcurrency VMs destroyed at once (8)
 * @param timeout        limit of each stop and delete task (300 s)
 */
public record DestroyVmsAction(
        VmSelection selection, PveTarget target, boolean sameNameOnly, int maxConcurrency, Duration timeout)
        implements Action<VmTeardown> {

    /** Default limit of each stop and delete task. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(300);

    /** Validates components. */
    public DestroyVmsAction {
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(timeout, "timeout");
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1");
        }
        if (sameNameOnly && selection instanceof VmSelection.ByKey) {
            throw new IllegalArgumentException("sameNameOnly needs the VMs' names, which a byKey selection has not");
        }
    }

    /** Destroys {@code selection} on the host's node, 8 at once, 300 s per task, whatever the VMs' names. */
    public static DestroyVmsAction of(VmSelection selection) {
        return new DestroyVmsAction(
                selection, PveTarget.host(), false, StartVmsAction.DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT);
    }

    /** A copy that destroys on {@code value} ({@link PveTarget#nested()}: inside the nested PVE). */
    public DestroyVmsAction withTarget(PveTarget value) {
        return new DestroyVmsAction(selection, value, sameNameOnly, maxConcurrency, timeout);
    }

    /** A copy that leaves alone a VM whose id holds a VM with another name. */
    public DestroyVmsAction withSameNameOnly() {
        return new DestroyVmsAction(selection, target, true, maxConcurrency, timeout);
    }

    /** A copy that destroys {@code value} VMs at once. */
    public DestroyVmsAction withMaxConcurrency(int value) {
        return new DestroyVmsAction(selection, target, sameNameOnly, value, timeout);
    }

    /** A copy whose stop and delete tasks may take {@code value} each. */
    public DestroyVmsAction withTimeout(Duration value) {
        return new DestroyVmsAction(selection, target, sameNameOnly, maxConcurrency, value);
    }

    @Override
    public Either<ActionFailure, VmTeardown> run(ActionContext ctx) {
        return Teardowns.plan(ctx, selection, target, sameNameOnly)
                .flatMap(plan -> plan.run(ctx, maxConcurrency, timeout));
    }

    /**
     * This destroy as one result that fails when a VM could not be removed, in the words of the action each
     * selection replaces ({@link DestroySummary}): for {@link VmSelection#byKey} {@code VM 99900 destroyed} or
     * {@code VM 99900 does not exist}, failing with the VM's own failure; for {@link VmSelection#discovered}
     * {@code Destroyed 2 VMs: VM 99801 destroyed; VM 99802 does not exist}; otherwise
     * {@code Destroyed VM 99910 (web), VM 99911 (db) on pve} or {@code No VM of env test left on pve}, failing
     * with each VM's reason and what was destroyed: {@code VM 99910 (web): ... (destroyed VM 99911 (db))}. A
     * selection that names no VM is {@code No VMs to destroy}.
     */
    public Action<ActionResult> summary() {
        DestroyVmsAction destroy = this;
        return new Action<>() {
            @Override
            public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
                return Teardowns.plan(ctx, selection, target, sameNameOnly)
                        .flatMap(plan -> plan.run(ctx, maxConcurrency, timeout)
                                .flatMap(t -> DestroySummary.of(selection, plan, t)));
            }

            @Override
            public String describe() {
                return destroy.describe();
            }
        };
    }

    /**
     * [DestroyRemoteVMAction] The {@link #summary()} that never fails, for cleanup: every failure but a
     * cancellation (a missing VM id, an unreachable nested PVE, a VM that could not be removed) is a success
     * saying what was skipped: {@code Skipped destroying test_vm_id: No inner_ip in context}.
     */
    public Action<ActionResult> bestEffort() {
        return summary()
                .recover(f -> f instanceof ActionFailure.Cancelled
                        ? Either.left(f)
                        : Either.right(
                                ActionResult.of("Skipped destroying " + selection.describe() + ": " + f.message())));
    }

    @Override
    public String describe() {
        return "destroy " + (selection instanceof VmSelection.ByKey ? "VM " : "") + selection.describe()
                + (target instanceof PveTarget.Nested ? " on the nested PVE" : "");
    }
}
