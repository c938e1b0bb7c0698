package dev.homestak.actions;

import dev.homestak.actions.internal.Texts;
import dev.homestak.core.RetryPolicy;
import dev.homestak.proxmox.ProxmoxFailure;
import dev.homestak.proxmox.VmApi;
import dev.homestak.proxmox.model.DeleteVmRequest;
import dev.homestak.proxmox.model.VmStatus;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The VM operations the Proxmox actions are made of, each idempotent the way the original's
 * cleanup needed: start (already running is fine), stop and destroy (already stopped or missing
 * is fine). Tasks are awaited with the client's adaptive polling, stoppable by the token.
 */
final class VmOps {

    /** How long a lost write may take to show its effect before re-reading concludes it had none. */
    private static final Duration SETTLE = Duration.ofSeconds(15);

    private static final int RESTARTED_ATTEMPTS = 3;

    /** What {@link #destroy} did: removed the VM, or found it not there. */
    enum Removal {
        DESTROYED,
        ABSENT
    }

    private VmOps() {}

    /** The VM's status, or empty when it does not exist. */
    static Either<ActionFailure, Optional<VmStatus>> status(ActionContext ctx, Pve.Node node, int vmid) {
        VmApi vm = node.api().qemu(vmid);
        Either<ActionFailure, VmStatus> current =
                Pve.call(ctx, "reading the status of VM " + vmid, vm.status()::current);
        if (current.isLeft() && Pve.missing(current.getLeft())) {
            return Either.right(Optional.empty());
        }
        return current.map(Optional::of);
    }

    /** Starts the VM and awaits its start task; a running VM is left as it is. */
    static Either<ActionFailure, String> start(ActionContext ctx, Pve.Node node, int vmid, Duration timeout) {
        VmApi vm = node.api().qemu(vmid);
        return Pve.call(ctx, "reading the status of VM " + vmid, vm.status()::current)
                .flatMap(status -> {
                    if (status.running()) {
                        return Either.right("VM " + vmid + " already running");
                    }
                    return converge(
                                    ctx,
                                    node,
                                    vmid,
                                    timeout,
                                    st -> st.isPresent() && st.get().running(),
                                    () -> Pve.call(ctx, "starting VM " + vmid, vm.status()::start)
                                            .flatMap(task -> Pve.await(ctx, "starting VM " + vmid, task, timeout)))
                            .map(done -> "VM " + vmid + " started");
                });
    }

    /** Stops the VM (hard stop, as {@code qm stop}); already stopped or missing is a success. */
    static Either<ActionFailure, String> stop(ActionContext ctx, Pve.Node node, int vmid, Duration timeout) {
        return status(ctx, node, vmid).flatMap(status -> {
            if (status.isEmpty()) {
                return Either.right("VM " + vmid + " does not exist");
            }
            if (!status.get().running()) {
                return Either.right("VM " + vmid + " already stopped");
            }
            return halt(ctx, node, vmid, timeout).map(done -> "VM " + vmid + " stopped");
        });
    }

    /**
     * Stops the VM if it runs, then deletes it with purge; a missing VM is a success. A VM that was started meanwhile
     * (a start task of this run still in flight when its cleanup began) is found running again when the delete
     * fails: it is stopped and deleted again, a bounded number of times.
     */
    static Either<ActionFailure, Removal> destroy(ActionContext ctx, Pve.Node node, int vmid, Duration timeout) {
        Either<ActionFailure, Optional<VmStatus>> status = unlocked(ctx, node, vmid, timeout);
        if (status.isRight() && status.get().isEmpty()) {
            return Either.right(Removal.ABSENT);
        }
        Either<ActionFailure, Removal> result = status.flatMap(st -> stopAndDelete(ctx, node, vmid, timeout, st.get()));
        for (int again = 0;
                again < RESTARTED_ATTEMPTS
                        && result.isLeft()
                        && !ctx.cancellation().isCancelled();
                again++) {
            Either<ActionFailure, Optional<VmStatus>> now = unlocked(ctx, node, vmid, timeout);
            if (now.isRight() && now.get().isEmpty()) {
                return Either.right(Removal.DESTROYED);
            }
            if (now.isLeft() || !now.get().get().running()) {
                return result;
            }
            ctx.progress(
                    "VM " + vmid + " is running again (a start was still in flight): stopping it, then destroying");
            result = stopAndDelete(ctx, node, vmid, timeout, now.get().get());
        }
        return result;
    }

    /** Stops the VM if {@code status} shows it running, then deletes it with purge. */
    private static Either<ActionFailure, Removal> stopAndDelete(
            ActionContext ctx, Pve.Node node, int vmid, Duration timeout, VmStatus status) {
        Either<ActionFailure, String> stopped =
                status.running() ? halt(ctx, node, vmid, timeout) : Either.right("stopped");
        VmApi vm = node.api().qemu(vmid);
        return stopped.flatMap(s -> converge(
                        ctx,
                        node,
                        vmid,
                        timeout,
                        Optional::isEmpty,
                        () -> Pve.call(ctx, "destroying VM " + vmid, () -> vm.delete(DeleteVmRequest.thorough()))
                                .flatMap(task -> Pve.await(ctx, "destroying VM " + vmid, task, timeout))))
                .map(done -> Removal.DESTROYED);
    }

    /**
     * The VM's status once it holds no config lock: a VM still locked by a task (its {@code create}, a clone) is
     * waited for, within {@code timeout} and cancellable, because PVE refuses to destroy it meanwhile ("VM is
     * locked (create)"). Empty when it does not exist.
     */
    static Either<ActionFailure, Optional<VmStatus>> unlocked(
            ActionContext ctx, Pve.Node node, int vmid, Duration timeout) {
        Instant deadline = ctx.clock().instant().plus(timeout);
        RetryPolicy polls = RetryPolicy.polling(Duration.ofSeconds(1));
        for (int poll = 1; ; poll++) {
            Either<ActionFailure, Optional<VmStatus>> state = status(ctx, node, vmid);
            Optional<String> lock = state.toJavaOptional().flatMap(s -> s.flatMap(VmStatus::lock));
            if (lock.isEmpty()) {
                return state;
            }
            if (!ctx.clock().instant().isBefore(deadline)) {
                return Either.left(new ActionFailure.Precondition("VM " + vmid + " is still locked (" + lock.get()
                        + ") after " + Texts.duration(timeout) + ": wait for its task to end, then destroy it again"));
            }
            ctx.progress("VM " + vmid + " is locked (" + lock.get() + "): waiting for its task to end");
            if (!ctx.pause(AgentIp.shorter(
                    polls.delayAfter(poll), Duration.between(ctx.clock().instant(), deadline)))) {
                return Either.left(new ActionFailure.Cancelled(
                        "waiting for VM " + vmid + "'s lock",
                        ctx.cancellation().reason().orElse("")));
            }
        }
    }

    private static Either<ActionFailure, String> halt(ActionContext ctx, Pve.Node node, int vmid, Duration timeout) {
        VmApi vm = node.api().qemu(vmid);
        return converge(
                        ctx,
                        node,
                        vmid,
                        timeout,
                        st -> st.isEmpty() || !st.get().running(),
                        () -> Pve.call(ctx, "stopping VM " + vmid, vm.status()::stop)
                                .flatMap(task -> Pve.await(ctx, "stopping VM " + vmid, task, timeout)))
                .map(done -> "stopped");
    }

    /**
     * Runs a write; when its answer was lost ({@link ProxmoxFailure.OutcomeUnknown}: PVE may or may not
     * have acted) it is never blindly resent. The VM's state is re-read until it shows the write's
     * effect ({@code reached}), which also covers a task PVE started but whose UPID never arrived.
     * Only when re-reading shows no effect within the settle time is the write sent once more.
     */
    private static <T> Either<ActionFailure, ?> converge(
            ActionContext ctx,
            Pve.Node node,
            int vmid,
            Duration timeout,
            Predicate<Optional<VmStatus>> reached,
            Supplier<Either<ActionFailure, T>> write) {
        Either<ActionFailure, T> first = write.get();
        if (first.isRight() || !outcomeUnknown(first.getLeft())) {
            return first;
        }
        ctx.progress("VM " + vmid + ": the answer was lost; re-reading its state");
        Duration settle = timeout.compareTo(SETTLE) < 0 ? timeout : SETTLE;
        Instant deadline = ctx.clock().instant().plus(settle);
        RetryPolicy polls = RetryPolicy.polling(Duration.ofSeconds(1));
        for (int poll = 1; ; poll++) {
            Either<ActionFailure, Optional<VmStatus>> state = status(ctx, node, vmid);
            if (state.isRight() && reached.test(state.get())) {
                return state;
            }
            if (!ctx.clock().instant().isBefore(deadline)) {
                ctx.progress("VM " + vmid + ": the lost write had no effect; sending it again");
                return write.get();
            }
            if (!ctx.pause(AgentIp.shorter(
                    polls.delayAfter(poll), Duration.between(ctx.clock().instant(), deadline)))) {
                return Either.left(new ActionFailure.Cancelled(
                        "re-reading VM " + vmid, ctx.cancellation().reason().orElse("")));
            }
        }
    }

    private static boolean outcomeUnknown(ActionFailure failure) {
        return failure instanceof ActionFailure.Api api && api.cause() instanceof ProxmoxFailure.OutcomeUnknown;
    }
}
