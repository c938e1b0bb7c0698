package dev.homestak.actions;

import dev.homestak.core.Key;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.Objects;

/**
 * Starts one VM [StartVMAction; remote: StartVMRemoteAction] through the API of {@code target} and
 * awaits the start task. The VM id comes from {@code vmIdKey}, looked up in the facts, then the host
 * config. A VM that already runs is left as it is. Message {@code VM <id> started}; writes no facts.
 *
 * @param vmIdKey fact (or host attribute) holding the VM id ({@code inner_vm_id}; tofu's {@code <vmname>_vm_id})
 * @param target  the host's node, or the nested PVE ({@code inner_ip} + its token)
 * @param timeout limit of the start task (60 s, the original's {@code qm start} SSH limit)
 */
public record StartVmAction(Key<Integer> vmIdKey, PveTarget target, Duration timeout) implements Action<ActionResult> {

    /** Default limit of the start task. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** Validates components. */
    public StartVmAction {
        Objects.requireNonNull(vmIdKey, "vmIdKey");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** Starts the VM in {@code vmIdKey} on the host's node. */
    public static StartVmAction of(Key<Integer> vmIdKey) {
        return new StartVmAction(vmIdKey, PveTarget.host(), DEFAULT_TIMEOUT);
    }

    /** [StartVMRemoteAction] Starts the VM in {@code vmIdKey} (e.g. {@code test_vm_id}) on the nested PVE. */
    public static StartVmAction remote(Key<Integer> vmIdKey) {
        return new StartVmAction(vmIdKey, PveTarget.nested(), DEFAULT_TIMEOUT);
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        return ctx.require(vmIdKey)
                .flatMap(vmid -> Pve.resolve(ctx, target)
                        .flatMap(node -> VmOps.start(ctx, node, vmid, timeout))
                        .map(ActionResult::of));
    }

    @Override
    public String describe() {
        return "start VM " + vmIdKey.name() + (target instanceof PveTarget.Nested ? " on the nested PVE" : "");
    }
}
