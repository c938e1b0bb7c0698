package dev.homestak.scenarios;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionKeys;
import dev.homestak.actions.ActionResult;
import dev.homestak.actions.Actions;
import dev.homestak.core.Facts;
import dev.homestak.core.Provisioner;
import dev.homestak.core.ResolvedEnv;
import dev.homestak.core.ResolvedVm;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Creates the VMs of an env [TofuApplyAction / TofuApplyRemoteAction]: through the PVE API when the node says
 * {@code provisioner: api} (always inside a nested PVE), else with OpenTofu. The API path first makes sure the
 * env's images are in the PVE's storage ({@link EnsureImagesAction}); each VM is then created in parallel,
 * tagged with the run id ({@link RunTags}); a VM that already exists with the same name is kept. Facts, as the
 * tofu path: {@code <vm>_vm_id} per VM and {@code provisioned_vms}.
 *
 * @param envs       where the env comes from
 * @param env        the env ({@code test}, {@code nested-pve}); fact {@code env_name} overrides it on the host
 * @param where      the host's node or the nested PVE
 * @param tofu       the tofu settings, for nodes with {@code provisioner: tofu}
 * @param timeout    limit of each VM's create task
 */
record ProvisionEnvAction(EnvSource envs, String env, PveAccess.Where where, TofuSettings tofu, Duration timeout)
        implements Action<ActionResult> {

    ProvisionEnvAction {
        Objects.requireNonNull(envs, "envs");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(tofu, "tofu");
        Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        String name = EnvVms.envName(ctx, env, where);
        return EnvVms.resolve(envs, name, where, ctx).flatMap(resolved -> usesTofu(ctx)
                ? tofu.apply(resolved, ctx).run(ctx)
                : new EnsureImagesAction(envs, env, where, timeout).run(ctx)
                        .flatMap(images -> PveAccess.resolve(ctx, where).flatMap(node -> createAll(ctx, node, resolved))));
    }

    private boolean usesTofu(ActionContext ctx) {
        return where == PveAccess.Where.HOST && ctx.host().map(h -> h.provisioner() == Provisioner.TOFU).orElse(false);
    }

    private Either<ActionFailure, ActionResult> createAll(ActionContext ctx, PveAccess.Node node, ResolvedEnv resolved) {
        List<Action<ResolvedVmId>> creates = new ArrayList<>();
        for (ResolvedVm vm : resolved.vms()) {
            creates.add(c -> new VmCreation(node, resolved, vm, timeout).run(c));
        }
        return Actions.parallel(Math.max(1, creates.size()), creates).run(ctx).map(ids -> {
            Facts facts = Facts.empty();
            List<Map<String, Object>> provisioned = new ArrayList<>();
            for (ResolvedVmId id : ids) {
                facts = facts.with(Facts.vmIdKey(id.name()), id.vmid());
                provisioned.add(Map.of("name", id.name(), "vmid", id.vmid()));
            }
            if (where == PveAccess.Where.HOST) {
                // inside the nested PVE only the ids are reported: provisioned_vms stays the host's list
                facts = facts.withRaw(ActionKeys.PROVISIONED_VMS, List.copyOf(provisioned));
            }
            return ActionResult.of("API provisioning completed for " + resolved.env() + " on " + node.label() + ": "
                    + String.join(", ", ids.stream().map(i -> i.name() + " (" + i.vmid() + ")").toList()), facts);
        });
    }

    @Override
    public String describe() {
        return "provision env " + env + (where == PveAccess.Where.NESTED ? " on the nested PVE" : "");
    }

    /**
     * A created (or kept) VM.
     *
     * @param name  its name in the env
     * @param vmid  its id
     */
    record ResolvedVmId(String name, int vmid) {
    }
}
