package dev.homestak.actions;

import dev.homestak.core.Facts;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Waits for the guest agent IP of every VM of {@code provisioned_vms} [WaitForProvisionedVMsAction],
 * up to {@code maxConcurrency} at once (the original waited one after another). Writes
 * {@code <vmname>_ip} per VM and {@code vm_ip} = the first VM's; message {@code Got IPs for N VMs}.
 *
 * @param target         the host's node, or the nested PVE
 * @param maxConcurrency VMs waited for at once (8)
 * @param timeout        limit per VM (300 s)
 */
public record WaitForProvisionedVMsAction(PveTarget target, int maxConcurrency, Duration timeout)
        implements Action<ActionResult> {

    /** Validates components. */
    public WaitForProvisionedVMsAction {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(timeout, "timeout");
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1");
        }
    }

    /** On the host's node, 8 at once, 300 s each. */
    public static WaitForProvisionedVMsAction of() {
        return new WaitForProvisionedVMsAction(PveTarget.host(), StartProvisionedVMsAction.DEFAULT_CONCURRENCY,
                WaitForGuestAgentAction.DEFAULT_TIMEOUT);
    }

    /** A copy with another limit per VM. */
    public WaitForProvisionedVMsAction withTimeout(Duration limit) {
        return new WaitForProvisionedVMsAction(target, maxConcurrency, limit);
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        return ProvisionedVm.from(ctx.facts()).flatMap(vms -> Pve.resolve(ctx, target).flatMap(node -> {
            List<Action<String>> waits = vms.stream()
                    .<Action<String>>map(vm -> c -> AgentIp.await(c, node, vm.vmid(), timeout)).toList();
            return Actions.parallel(maxConcurrency, waits).run(ctx).map(ips -> {
                Facts facts = Facts.empty();
                for (int i = 0; i < vms.size(); i++) {
                    facts = facts.with(Facts.vmIpKey(vms.get(i).name()), ips.get(i));
                }
                if (!ips.isEmpty()) {
                    facts = facts.with(Facts.VM_IP, ips.get(0));
                }
                return ActionResult.of("Got IPs for " + vms.size() + " VMs", facts);
            });
        }));
    }

    @Override
    public String describe() {
        return "wait for the IPs of the provisioned VMs";
    }
}
