package dev.homestak.actions;

import dev.homestak.core.RetryPolicy;
import dev.homestak.proxmox.ProxmoxFailure;
import dev.homestak.proxmox.model.NetworkInterface;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Waits for a VM's IPv4 address from its guest agent ({@code agent/network-get-interfaces}), polling
 * adaptively (50 ms doubling to 1 s, like the client's task polling) with the context's sleeper, which
 * wakes up on cancellation. The address is chosen by the client's rule
 * ({@link NetworkInterface#reachableIpv4}); this loop exists (rather than the client's {@code awaitIpv4})
 * so that the wait uses the action's clock, sleeper and cancellation.
 */
final class AgentIp {

    /**
     * The poll cap of waits a user sits through (guest agent IP, SSH): at most 4 probes a second, and noticed at
     * most 250 ms late. The original slept a fixed 5 s between probes (2.5 s late on average).
     */
    static final Duration WAIT_CAP = Duration.ofMillis(250);

    private AgentIp() {}

    /** The address, or a {@link ActionFailure.Timeout} naming the VM and what was seen last. */
    static Either<ActionFailure, String> await(ActionContext ctx, Pve.Node node, int vmid, Duration timeout) {
        String what = "waiting for the guest agent IP of VM " + vmid;
        Instant deadline = ctx.clock().instant().plus(timeout);
        RetryPolicy polls = RetryPolicy.polling(WAIT_CAP);
        for (int poll = 1; ; poll++) {
            Either<ActionFailure, List<NetworkInterface>> answer =
                    Pve.call(ctx, what, () -> node.api().qemu(vmid).agent().networkGetInterfaces());
            String seen;
            if (answer.isRight()) {
                Optional<String> ip = NetworkInterface.reachableIpv4(answer.get());
                if (ip.isPresent()) {
                    return Either.right(ip.get());
                }
                seen = answer.get().isEmpty() ? "no interfaces" : "no IPv4 address yet";
            } else if (answer.getLeft() instanceof ActionFailure.Api api
                    && api.cause() instanceof ProxmoxFailure pf
                    && notReady(pf)) {
                seen = reason(pf);
            } else {
                return Either.left(answer.getLeft());
            }
            Duration left = Duration.between(ctx.clock().instant(), deadline);
            if (!left.isPositive()) {
                return Either.left(new ActionFailure.Timeout(what, timeout, "last seen: " + seen));
            }
            if (!ctx.pause(shorter(polls.delayAfter(poll), left))) {
                return Either.left(new ActionFailure.Cancelled(
                        what, ctx.cancellation().reason().orElse("")));
            }
        }
    }

    /** While the guest boots the agent is absent or the VM not up yet; PVE answers 500 (or a transient error). */
    private static boolean notReady(ProxmoxFailure f) {
        return switch (f) {
            case ProxmoxFailure.AgentNotRunning a -> true;
            case ProxmoxFailure.VmNotRunning v -> true;
            default -> f.isTransient();
        };
    }

    private static String reason(ProxmoxFailure f) {
        return switch (f) {
            case ProxmoxFailure.AgentNotRunning a -> a.reason();
            case ProxmoxFailure.VmNotRunning v -> v.reason();
            default -> f.message();
        };
    }

    /** The shorter of two durations. */
    static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
