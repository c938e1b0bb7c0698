package dev.homestak.actions;

import dev.homestak.core.Key;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.Objects;

/**
 * Destroys one VM [DestroyVMAction; remote: DestroyRemoteVMAction]: stops it if it runs, then deletes
 * it with {@code purge=1} and {@code destroy-unreferenced-disks=1}. A missing VM is a success
 * ({@code VM <id> does not exist}). With {@code bestEffort} (the original's remote destroy, used in
 * cleanup) every failure, including a missing VM id or nested PVE, becomes a success whose message
 * says what was skipped. Writes no facts.
 *
 * @param vmIdKey    fact (or host attribute) holding the VM id
 * @param target     the host's node, or the nested PVE
 * @param timeout    limit of each task (60 s)
 * @param bestEffort never fail (cleanup)
 */
public record DestroyVmAction(Key<Integer> vmIdKey, PveTarget target, Duration timeout, boolean bestEffort)
        implements Action<ActionResult> {

    /** Validates components. */
    public DestroyVmAction {
        Objects.requireNonNull(vmIdKey, "vmIdKey");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** Destroys the VM in {@code vmIdKey} on the host's node; failures are failures. */
    public static DestroyVmAction of(Key<Integer> vmIdKey) {
        return new DestroyVmAction(vmIdKey, PveTarget.host(), StartVmAction.DEFAULT_TIMEOUT, false);
    }

    /** [DestroyRemoteVMAction] Best-effort destroy of the VM in {@code vmIdKey} ({@code test_vm_id}) on the nested PVE. */
    public static DestroyVmAction remote(Key<Integer> vmIdKey) {
        return new DestroyVmAction(vmIdKey, PveTarget.nested(), StartVmAction.DEFAULT_TIMEOUT, true);
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        Either<ActionFailure, ActionResult> result = ctx.require(vmIdKey)
                .flatMap(vmid -> Pve.resolve(ctx, target)
                        .flatMap(node -> VmOps.destroy(ctx, node, vmid, timeout))
                        .map(ActionResult::of));
        if (result.isLeft() && bestEffort && !(result.getLeft() instanceof ActionFailure.Cancelled)) {
            return Either.right(ActionResult.of("Skipped destroying " + vmIdKey.name() + ": "
                    + result.getLeft().message()));
        }
        return result;
    }

    @Override
    public String describe() {
        return "destroy VM " + vmIdKey.name();
    }
}
