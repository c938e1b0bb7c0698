package dev.homestak.scenarios;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionResult;
import dev.homestak.actions.ProvisionedVm;
import dev.homestak.actions.PveTarget;
import dev.homestak.core.Provisioner;
import dev.homestak.core.ResolvedEnv;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Destroys the VMs of an env [TofuDestroyAction, TofuDestroyRemoteAction / DestroyRemoteVMAction]: with OpenTofu on
 * {@code provisioner: tofu} nodes, else through the API with {@code DestroyVMAction} (stop, then delete with purge,
 * all VMs at once, every VM tried). Only the env's VMs with their own names are touched ({@link EnvTargets}); a VM
 * that does not exist is already destroyed. With {@code bestEffort} (cleanup inside a nested PVE that may be gone)
 * a PVE that cannot be reached is success with a note, as in the original.
 *
 * @param envs       where the env comes from
 * @param env        the env; fact {@code env_name} overrides it on the host
 * @param target     the host's node or the nested PVE
 * @param tofu       the tofu settings, for nodes with {@code provisioner: tofu}
 * @param bestEffort true when a PVE that cannot be reached counts as nothing left to clean
 * @param timeout    limit of each stop and delete task
 */
record DestroyEnvAction(EnvSource envs, String env, PveTarget target, TofuSettings tofu, boolean bestEffort,
                        Duration timeout) implements Action<ActionResult> {

    DestroyEnvAction {
        Objects.requireNonNull(envs, "envs");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(tofu, "tofu");
        Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        return EnvVms.resolve(envs, EnvVms.envName(ctx, env, target), target, ctx).flatMap(resolved -> {
            if (target instanceof PveTarget.Host && ctx.host().map(h -> h.provisioner() == Provisioner.TOFU).orElse(false)) {
                return tofu.destroy(resolved, ctx).run(ctx);
            }
            Either<ActionFailure, String> label = VmSteps.label(ctx, target);
            Either<ActionFailure, List<ProvisionedVm>> found = label.flatMap(l -> EnvTargets.existing(ctx, target, resolved));
            if (found.isLeft() && bestEffort && !(found.getLeft() instanceof ActionFailure.Cancelled)) {
                // the nested PVE may be gone already (no address, no token, not answering): nothing left to clean there
                return Either.right(ActionResult.of("Nothing to clean up on the nested PVE (" + found.getLeft().message() + ")"));
            }
            return found.flatMap(vms -> VmSteps.destroyAll(vms, target, label.get(), timeout).run(ctx))
                    .flatMap(t -> result(t, resolved, label.get()));
        });
    }

    private static Either<ActionFailure, ActionResult> result(VmSteps.Teardown t, ResolvedEnv resolved, String label) {
        if (!t.failed().isEmpty()) {
            return Either.left(new ActionFailure.Precondition(String.join("; ", t.failed())
                    + (t.gone().isEmpty() ? "" : " (destroyed " + String.join(", ", t.gone()) + ")")));
        }
        return Either.right(ActionResult.of(t.gone().isEmpty() ? "No VM of env " + resolved.env() + " left on " + label
                : "Destroyed " + String.join(", ", t.gone()) + " on " + label));
    }

    @Override
    public String describe() {
        return "destroy env " + env + (target instanceof PveTarget.Nested ? " on the nested PVE" : "");
    }
}
