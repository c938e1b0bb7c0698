package dev.homestak.scenarios;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionResult;
import dev.homestak.actions.Actions;
import dev.homestak.core.Provisioner;
import dev.homestak.core.ResolvedEnv;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Destroys the VMs of an env [TofuDestroyAction, TofuDestroyRemoteAction / DestroyRemoteVMAction]: through the
 * API (stop, then delete with purge, all VMs at once) or with OpenTofu on {@code provisioner: tofu} nodes. A
 * VM that does not exist is already destroyed. With {@code bestEffort} (cleanup inside a nested PVE that may
 * be gone) an unreachable PVE is success with a note, as in the original.
 *
 * @param envs       where the env comes from
 * @param env        the env; fact {@code env_name} overrides it on the host
 * @param where      the host's node or the nested PVE
 * @param tofu       the tofu settings, for nodes with {@code provisioner: tofu}
 * @param bestEffort true when a PVE that cannot be reached counts as nothing left to clean
 * @param timeout    limit of each stop and delete task
 */
record DestroyEnvAction(EnvSource envs, String env, PveAccess.Where where, TofuSettings tofu, boolean bestEffort,
                        Duration timeout) implements Action<ActionResult> {

    DestroyEnvAction {
        Objects.requireNonNull(envs, "envs");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(tofu, "tofu");
        Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        String name = EnvVms.envName(ctx, env, where);
        return EnvVms.resolve(envs, name, where, ctx).flatMap(resolved -> {
            if (where == PveAccess.Where.HOST && ctx.host().map(h -> h.provisioner() == Provisioner.TOFU).orElse(false)) {
                return tofu.destroy(resolved, ctx).run(ctx);
            }
            Either<ActionFailure, PveAccess.Node> node = PveAccess.resolve(ctx, where);
            if (node.isLeft() && bestEffort && !(node.getLeft() instanceof ActionFailure.Cancelled)) {
                return Either.right(ActionResult.of("Nothing to clean up on the nested PVE (" + node.getLeft().message() + ")"));
            }
            return node.flatMap(n -> destroyAll(ctx, n, resolved));
        });
    }

    private Either<ActionFailure, ActionResult> destroyAll(ActionContext ctx, PveAccess.Node node, ResolvedEnv resolved) {
        return EnvTargets.existing(ctx, node, resolved).flatMap(vms -> {
            // every VM is attempted even when another fails: a cleanup removes all it can
            List<Action<Either<ActionFailure, Optional<String>>>> destroys = vms.stream()
                    .<Action<Either<ActionFailure, Optional<String>>>>map(
                            vm -> c -> Either.right(VmPower.destroy(c, node, vm.vmid(), vm.name(), timeout))).toList();
            return Actions.parallel(Math.max(1, destroys.size()), destroys).run(ctx).flatMap(done -> {
                List<String> gone = done.stream().filter(Either::isRight).flatMap(r -> r.get().stream()).toList();
                List<String> failed = done.stream().filter(Either::isLeft).map(r -> r.getLeft().message()).toList();
                if (!failed.isEmpty()) {
                    return Either.left(new ActionFailure.Precondition(String.join("; ", failed)
                            + (gone.isEmpty() ? "" : " (destroyed " + String.join(", ", gone) + ")")));
                }
                return Either.right(ActionResult.of(gone.isEmpty() ? "No VM of env " + resolved.env() + " left on " + node.label()
                        : "Destroyed " + String.join(", ", gone) + " on " + node.label()));
            });
        });
    }

    @Override
    public String describe() {
        return "destroy env " + env + (where == PveAccess.Where.NESTED ? " on the nested PVE" : "");
    }
}
