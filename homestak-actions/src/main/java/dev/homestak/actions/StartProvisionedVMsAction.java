package dev.homestak.actions;

import io.vavr.control.Either;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Starts every VM of {@code provisioned_vms} [StartProvisionedVMsAction], up to
 * {@code maxConcurrency} at once instead of one after another; the first failure stops the others.
 * Message {@code Started N VMs: a, b}; writes no facts.
 *
 * @param target         the host's node, or the nested PVE
 * @param maxConcurrency VMs started at once (8)
 * @param timeout        limit of each start task (60 s)
 */
public record StartProvisionedVMsAction(PveTarget target, int maxConcurrency, Duration timeout)
        implements Action<ActionResult> {

    /** Default number of VMs handled at once. */
    static final int DEFAULT_CONCURRENCY = 8;

    /** Validates components. */
    public StartProvisionedVMsAction {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(timeout, "timeout");
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1");
        }
    }

    /** On the host's node, 8 at once, 60 s each. */
    public static StartProvisionedVMsAction of() {
        return new StartProvisionedVMsAction(PveTarget.host(), DEFAULT_CONCURRENCY, StartVMAction.DEFAULT_TIMEOUT);
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        return ProvisionedVm.from(ctx.facts()).flatMap(vms -> Pve.resolve(ctx, target).flatMap(node -> {
            List<Action<String>> starts = vms.stream()
                    .<Action<String>>map(vm -> c -> VmOps.start(c, node, vm.vmid(), timeout)).toList();
            return Actions.parallel(maxConcurrency, starts).run(ctx).map(done -> ActionResult.of("Started " + vms.size()
                    + " VMs: " + String.join(", ", vms.stream().map(ProvisionedVm::name).toList())));
        }));
    }

    @Override
    public String describe() {
        return "start provisioned VMs";
    }
}
