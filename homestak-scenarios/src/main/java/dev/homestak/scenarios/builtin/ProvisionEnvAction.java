package dev.homestak.scenarios.builtin;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionKeys;
import dev.homestak.actions.ActionResult;
import dev.homestak.actions.ProvisionVmsAction;
import dev.homestak.actions.PveTarget;
import dev.homestak.actions.VmSteps;
import dev.homestak.core.Facts;
import dev.homestak.core.ResolvedEnv;
import dev.homestak.core.ResolvedVm;
import dev.homestak.scenarios.Prechecked;
import dev.homestak.scenarios.RunTags;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Creates the VMs of an env [TofuApplyAction / TofuApplyRemoteAction]: with {@link ProvisionVmsAction} when the
 * node says {@code provisioner: api} (always inside a nested PVE: the action's target), else with OpenTofu. The
 * env is resolved at run time (fact {@code env_name}, the host config). The API path first makes sure the env's
 * images are there ({@link EnsureImagesAction}) and tags every VM {@code homestak;homestak-run-<run id>}
 * ({@link RunTags}). Facts, as the tofu path: {@code <vm>_vm_id} per VM and, on the host, {@code provisioned_vms}.
 *
 * @param envs    where the env comes from
 * @param env     the env ({@code test}, {@code nested-pve}); fact {@code env_name} overrides it on the host
 * @param target  the host's node or the nested PVE
 * @param tofu    the tofu settings, for nodes with {@code provisioner: tofu}
 * @param timeout limit of each VM's create task
 */
record ProvisionEnvAction(EnvSource envs, String env, PveTarget target, TofuSettings tofu, Duration timeout)
        implements Action<ActionResult>, Prechecked {

    ProvisionEnvAction {
        Objects.requireNonNull(envs, "envs");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(tofu, "tofu");
        Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        String name = EnvVms.envName(ctx, env, target);
        return EnvVms.resolve(envs, name, target, ctx)
                .flatMap(resolved -> TofuSettings.usedFor(ctx, target)
                        ? tofu.apply(resolved, ctx).run(ctx)
                        : new EnsureImagesAction(envs, env, target, timeout)
                                .run(ctx)
                                .flatMap(images -> VmSteps.label(ctx, target))
                                .flatMap(label -> provision(ctx, resolved, label)));
    }

    private Either<ActionFailure, ActionResult> provision(ActionContext ctx, ResolvedEnv resolved, String label) {
        return tagged(resolved, ctx).run(ctx).map(done -> {
            // inside the nested PVE only the ids are reported: provisioned_vms stays the host's list
            Facts facts = target instanceof PveTarget.Nested
                    ? done.facts().without(ActionKeys.PROVISIONED_VMS.name())
                    : done.facts();
            List<String> vms = resolved.vms().stream()
                    .map(ResolvedVm::name)
                    .map(vm -> vm + " ("
                            + facts.get(Facts.vmIdKey(vm)).map(String::valueOf).orElse("?") + ")")
                    .toList();
            return ActionResult.of(
                    "API provisioning completed for " + resolved.env() + " on " + label + ": " + String.join(", ", vms),
                    facts);
        });
    }

    private ProvisionVmsAction tagged(ResolvedEnv resolved, ActionContext ctx) {
        ProvisionVmsAction create = ProvisionVmsAction.of(resolved)
                .withTarget(target)
                .withMaxConcurrency(Math.max(1, resolved.vms().size()))
                .withTimeout(timeout);
        return RunTags.runId(ctx).map(id -> create.withRunTag(RunTags.of(id))).orElse(create);
    }

    @Override
    public Either<ActionFailure, java.util.List<String>> precheck(ActionContext ctx) {
        return EnvVms.precheck(envs, EnvVms.envName(ctx, env, target), target, ctx);
    }

    @Override
    public String describe() {
        return "provision env " + env + (target instanceof PveTarget.Nested ? " on the nested PVE" : "");
    }
}
