package dev.homestak.actions;

import dev.homestak.core.Key;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.Objects;

/**
 * Stops one VM [StopVMAction] (a hard stop, as {@code qm stop}) and awaits the stop task. A VM that
 * is already stopped ({@code VM <id> already stopped}) or does not exist ({@code VM <id> does not
 * exist}) is a success. Writes no facts.
 *
 * @param vmIdKey fact (or host attribute) holding the VM id
 * @param target  the host's node, or the nested PVE
 * @param timeout limit of the stop task (60 s)
 */
public record StopVmAction(Key<Integer> vmIdKey, PveTarget target, Duration timeout) implements Action<ActionResult> {

    /** Validates components. */
    public StopVmAction {
        Objects.requireNonNull(vmIdKey, "vmIdKey");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** Stops the VM in {@code vmIdKey} on the host's node, 60 s. */
    public static StopVmAction of(Key<Integer> vmIdKey) {
        return new StopVmAction(vmIdKey, PveTarget.host(), StartVmAction.DEFAULT_TIMEOUT);
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        return ctx.require(vmIdKey)
                .flatMap(vmid -> Pve.resolve(ctx, target)
                        .flatMap(node -> VmOps.stop(ctx, node, vmid, timeout))
                        .map(ActionResult::of));
    }

    @Override
    public String describe() {
        return "stop VM " + vmIdKey.name();
    }
}
