package dev.homestak.scenarios;

import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.proxmox.model.DeleteVmRequest;
import dev.homestak.proxmox.model.VmStatus;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.Optional;

/** Start, stop, destroy and IP wait of one VM, idempotent where the original was (stopped or gone is fine). */
final class VmPower {

    private VmPower() {
    }

    /** Starts the VM unless it already runs. */
    static Either<ActionFailure, String> start(ActionContext ctx, PveAccess.Node node, int vmid, String name, Duration limit) {
        String what = "starting VM " + vmid + " (" + name + ") on " + node.label();
        return status(ctx, node, vmid, name).flatMap(status -> {
            if (status.map(VmStatus::running).orElse(false)) {
                return Either.right("VM " + vmid + " already running");
            }
            ctx.progress(what);
            return PveAccess.task(ctx, what, () -> node.vm(vmid).status().start(), limit).map(r -> "Started VM " + vmid);
        });
    }

    /** Waits for the VM's guest agent to report an IPv4 address. */
    static Either<ActionFailure, String> awaitIp(ActionContext ctx, PveAccess.Node node, int vmid, String name, Duration limit) {
        ctx.progress("waiting for the IP of VM " + vmid + " (" + name + ")");
        return PveAccess.call(ctx, "waiting for the guest agent IP of VM " + vmid + " (" + name + ") on " + node.label(),
                () -> node.vm(vmid).awaitIpv4(limit)).peek(ip -> ctx.progress("VM " + vmid + " (" + name + ") has IP " + ip));
    }

    /** Stops the VM; one that is already stopped or does not exist is success. */
    static Either<ActionFailure, String> stop(ActionContext ctx, PveAccess.Node node, int vmid, String name, Duration limit) {
        return status(ctx, node, vmid, name).flatMap(status -> {
            if (status.isEmpty()) {
                return Either.right("VM " + vmid + " does not exist");
            }
            if (!status.get().running()) {
                return Either.right("VM " + vmid + " already stopped");
            }
            String what = "stopping VM " + vmid + " (" + name + ") on " + node.label();
            ctx.progress(what);
            return PveAccess.task(ctx, what, () -> node.vm(vmid).status().stop(), limit).map(r -> "Stopped VM " + vmid);
        });
    }

    /** Stops and deletes the VM with its disks; one that does not exist is success ({@code empty}). */
    static Either<ActionFailure, Optional<String>> destroy(ActionContext ctx, PveAccess.Node node, int vmid, String name,
                                                           Duration limit) {
        return status(ctx, node, vmid, name).flatMap(status -> {
            if (status.isEmpty()) {
                return Either.right(Optional.empty());
            }
            String what = "destroying VM " + vmid + " (" + name + ") on " + node.label();
            return stop(ctx, node, vmid, name, limit).flatMap(stopped -> {
                ctx.progress(what);
                return PveAccess.task(ctx, what, () -> node.vm(vmid).delete(DeleteVmRequest.thorough()), limit);
            }).map(r -> Optional.of("VM " + vmid + " (" + name + ")"));
        });
    }

    /** The VM's status, empty when it does not exist. */
    static Either<ActionFailure, Optional<VmStatus>> status(ActionContext ctx, PveAccess.Node node, int vmid, String name) {
        Either<ActionFailure, VmStatus> status = PveAccess.call(ctx, "reading the status of VM " + vmid + " (" + name
                + ") on " + node.label(), () -> node.vm(vmid).status().current());
        if (status.isLeft() && PveAccess.missing(status.getLeft())) {
            return Either.right(Optional.empty());
        }
        return status.map(Optional::of);
    }
}
