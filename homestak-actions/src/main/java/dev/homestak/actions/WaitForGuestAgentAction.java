package dev.homestak.actions;

import dev.homestak.core.Facts;
import dev.homestak.core.Key;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.Objects;

/**
 * Waits until a VM's guest agent reports an IPv4 address [WaitForGuestAgentAction; remote:
 * WaitForGuestAgentRemoteAction] and writes it to {@code ipKey}. Polls adaptively (50 ms doubling to
 * 1 s), never a fixed 5 s. Message {@code VM <id> has IP: <ip>}; when time runs out the failure is
 * {@code Timeout waiting for the guest agent IP of VM <id> after ...: last seen: ...}.
 *
 * @param vmIdKey fact (or host attribute) holding the VM id
 * @param target  the host's node, or the nested PVE
 * @param ipKey   fact to write the address to ({@code inner_ip}; remote: {@code test_ip})
 * @param timeout overall limit (300 s)
 */
public record WaitForGuestAgentAction(Key<Integer> vmIdKey, PveTarget target, Key<String> ipKey, Duration timeout)
        implements Action<ActionResult> {

    /** Default overall limit. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(300);

    /** Validates components. */
    public WaitForGuestAgentAction {
        Objects.requireNonNull(vmIdKey, "vmIdKey");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(ipKey, "ipKey");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** Waits on the host's node for the VM in {@code vmIdKey}, writing {@code ipKey}, 300 s. */
    public static WaitForGuestAgentAction of(Key<Integer> vmIdKey, Key<String> ipKey) {
        return new WaitForGuestAgentAction(vmIdKey, PveTarget.host(), ipKey, DEFAULT_TIMEOUT);
    }

    /** [WaitForGuestAgentRemoteAction] Waits on the nested PVE for the VM in {@code vmIdKey}, writing {@code test_ip}. */
    public static WaitForGuestAgentAction remote(Key<Integer> vmIdKey) {
        return new WaitForGuestAgentAction(vmIdKey, PveTarget.nested(), Facts.TEST_IP, DEFAULT_TIMEOUT);
    }

    /** A copy with another limit. */
    public WaitForGuestAgentAction withTimeout(Duration limit) {
        return new WaitForGuestAgentAction(vmIdKey, target, ipKey, limit);
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        return ctx.require(vmIdKey)
                .flatMap(vmid -> Pve.resolve(ctx, target)
                        .flatMap(node -> AgentIp.await(ctx, node, vmid, timeout))
                        .map(ip -> ActionResult.of(
                                "VM " + vmid + " has IP: " + ip, Facts.empty().with(ipKey, ip))));
    }

    @Override
    public String describe() {
        return "wait for the IP of VM " + vmIdKey.name();
    }
}
