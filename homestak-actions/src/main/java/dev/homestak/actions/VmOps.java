package dev.homestak.actions;

import dev.homestak.proxmox.VmApi;
import dev.homestak.proxmox.model.DeleteVmRequest;
import dev.homestak.proxmox.model.VmStatus;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.Optional;

/**
 * The VM operations the Proxmox actions are made of, each idempotent the way the original's
 * cleanup needed: start (already running is fine), stop and destroy (already stopped or missing
 * is fine). Tasks are awaited with the client's adaptive polling, stoppable by the token.
 */
final class VmOps {

    private VmOps() {
    }

    /** The VM's status, or empty when it does not exist. */
    static Either<ActionFailure, Optional<VmStatus>> status(ActionContext ctx, Pve.Node node, int vmid) {
        VmApi vm = node.api().qemu(vmid);
        Either<ActionFailure, VmStatus> current = Pve.call(ctx, "reading the status of VM " + vmid, vm.status()::current);
        if (current.isLeft() && Pve.missing(current.getLeft())) {
            return Either.right(Optional.empty());
        }
        return current.map(Optional::of);
    }

    /** Starts the VM and awaits its start task; a running VM is left as it is. */
    static Either<ActionFailure, String> start(ActionContext ctx, Pve.Node node, int vmid, Duration timeout) {
        VmApi vm = node.api().qemu(vmid);
        return Pve.call(ctx, "reading the status of VM " + vmid, vm.status()::current).flatMap(status -> {
            if (status.running()) {
                return Either.right("VM " + vmid + " already running");
            }
            return Pve.call(ctx, "starting VM " + vmid, vm.status()::start)
                    .flatMap(task -> Pve.await(ctx, "starting VM " + vmid, task, timeout))
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

    /** Stops the VM if it runs, then deletes it with purge; a missing VM is a success. */
    static Either<ActionFailure, String> destroy(ActionContext ctx, Pve.Node node, int vmid, Duration timeout) {
        return status(ctx, node, vmid).flatMap(status -> {
            if (status.isEmpty()) {
                return Either.right("VM " + vmid + " does not exist");
            }
            Either<ActionFailure, String> stopped = status.get().running()
                    ? halt(ctx, node, vmid, timeout) : Either.right("stopped");
            VmApi vm = node.api().qemu(vmid);
            return stopped.flatMap(s -> Pve.call(ctx, "destroying VM " + vmid, () -> vm.delete(DeleteVmRequest.thorough())))
                    .flatMap(task -> Pve.await(ctx, "destroying VM " + vmid, task, timeout))
                    .map(done -> "VM " + vmid + " destroyed");
        });
    }

    private static Either<ActionFailure, String> halt(ActionContext ctx, Pve.Node node, int vmid, Duration timeout) {
        VmApi vm = node.api().qemu(vmid);
        return Pve.call(ctx, "stopping VM " + vmid, vm.status()::stop)
                .flatMap(task -> Pve.await(ctx, "stopping VM " + vmid, task, timeout))
                .map(done -> "stopped");
    }
}
