package dev.homestak.scenarios.builtin;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionResult;
import dev.homestak.actions.DestroyVmsAction;
import dev.homestak.actions.DiscoverVmsAction;
import dev.homestak.actions.DiscoveredVm;
import dev.homestak.actions.PveTarget;
import dev.homestak.actions.VmSelection;
import dev.homestak.actions.VmSteps;
import dev.homestak.actions.VmTeardown;
import dev.homestak.core.ResolvedEnv;
import dev.homestak.scenarios.Prechecked;
import dev.homestak.scenarios.RunTags;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Destroys the VMs of an env [TofuDestroyAction, TofuDestroyRemoteAction / DestroyRemoteVMAction]: with OpenTofu on
 * {@code provisioner: tofu} nodes, else through the API with {@code DestroyVmsAction} of the env's VMs (stop,
 * then delete with purge, all VMs at once, every VM tried). Only the env's VMs with their own names are touched
 * (its {@code sameNameOnly}); a VM that does not exist is already destroyed. With {@code bestEffort} (cleanup inside a nested PVE that may be gone)
 * a PVE that cannot be reached is success with a note, as in the original.
 *
 * @param envs       where the env comes from
 * @param env        the env; fact {@code env_name} overrides it on the host
 * @param target     the host's node or the nested PVE
 * @param tofu       the tofu settings, for nodes with {@code provisioner: tofu}
 * @param bestEffort true when a PVE that cannot be reached counts as nothing left to clean
 * @param timeout    limit of each stop and delete task
 */
record DestroyEnvAction(
        EnvSource envs, String env, PveTarget target, TofuSettings tofu, boolean bestEffort, Duration timeout)
        implements Action<ActionResult>, Prechecked {

    DestroyEnvAction {
        Objects.requireNonNull(envs, "envs");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(tofu, "tofu");
        Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        return EnvVms.resolve(envs, EnvVms.envName(ctx, env, target), target, ctx)
                .flatMap(resolved -> {
                    if (TofuSettings.usedFor(ctx, target)) {
                        return tofu.destroy(resolved, ctx).run(ctx);
                    }
                    Either<ActionFailure, String> label = VmSteps.label(ctx, target);
                    Either<ActionFailure, ResolvedEnv> scope = ownVmsAfterFailure(ctx, resolved);
                    if (scope.isLeft()) {
                        return Either.left(scope.getLeft());
                    }
                    if (scope.get().vms().isEmpty() && !resolved.vms().isEmpty()) {
                        // a cleanup after failure that finds nothing of this run: nothing was created, nothing can fail
                        return Either.right(ActionResult.of("Nothing to clean up: this run created no VM of env "
                                + resolved.env() + label.map(l -> " on " + l).getOrElse("")));
                    }
                    DestroyVmsAction destroy = DestroyVmsAction.of(VmSelection.env(scope.get()))
                            .withTarget(target)
                            .withMaxConcurrency(Math.max(1, resolved.vms().size()))
                            .withTimeout(timeout)
                            .withSameNameOnly();
                    Either<ActionFailure, VmTeardown> done = label.flatMap(l -> destroy.run(ctx));
                    if (done.isLeft() && bestEffort && !(done.getLeft() instanceof ActionFailure.Cancelled)) {
                        // the nested PVE may be gone already (no address, no token, not answering): nothing left to
                        // clean there
                        return Either.right(ActionResult.of("Nothing to clean up on the nested PVE ("
                                + done.getLeft().message() + ")"));
                    }
                    return done.flatMap(t -> result(t, resolved, label.get()));
                });
    }

    /**
     * A cleanup after a failed or cancelled run undoes only this run's work: of the env's VMs, those tagged with
     * this run's id. Another run of the same env may own VMs with the same names and ids at this moment.
     */
    private Either<ActionFailure, ResolvedEnv> ownVmsAfterFailure(ActionContext ctx, ResolvedEnv resolved) {
        Optional<String> runId = RunTags.runId(ctx);
        boolean afterFailure = ctx.run().cleanupAfterFailure();
        if (!afterFailure || runId.isEmpty() || !(target instanceof PveTarget.Host)) {
            return Either.right(resolved);
        }
        DiscoverVmsAction mine =
                new DiscoverVmsAction(target, "*", 0, Integer.MAX_VALUE, Optional.of(RunTags.of(runId.get())));
        return mine.find(ctx).map(found -> {
            Set<String> names = found.stream().map(DiscoveredVm::name).collect(Collectors.toSet());
            return new ResolvedEnv(
                    resolved.env(),
                    resolved.host(),
                    resolved.apiToken(),
                    resolved.vms().stream()
                            .filter(vm -> names.contains(vm.name()))
                            .toList());
        });
    }

    private static Either<ActionFailure, ActionResult> result(VmTeardown t, ResolvedEnv resolved, String label) {
        String gone = String.join(", ", t.destroyedLabels());
        if (!t.ok()) {
            return Either.left(new ActionFailure.Precondition(String.join("; ", VmSteps.failures(t, label))
                    + (gone.isEmpty() ? "" : " (destroyed " + gone + ")")));
        }
        return Either.right(ActionResult.of(
                gone.isEmpty()
                        ? "No VM of env " + resolved.env() + " left on " + label
                        : "Destroyed " + gone + " on " + label));
    }

    @Override
    public Either<ActionFailure, java.util.List<String>> precheck(ActionContext ctx) {
        return EnvVms.precheck(envs, EnvVms.envName(ctx, env, target), target, ctx);
    }

    @Override
    public String describe() {
        return "destroy env " + env + (target instanceof PveTarget.Nested ? " on the nested PVE" : "");
    }
}
