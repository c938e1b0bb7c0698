package dev.homestak.scenarios.builtin;

import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.PveTarget;
import dev.homestak.core.Facts;
import dev.homestak.core.ResolvedEnv;
import dev.homestak.core.ResolvedVm;
import dev.homestak.scenarios.Prechecked;
import io.vavr.control.Either;
import java.util.Optional;

/** What the provision and destroy adapters share: which env, resolved for which node, and each VM's id. */
final class EnvVms {

    /** The node the original resolved the test VM's env for inside the nested PVE. */
    static final String NESTED_NODE = "nested-pve";

    private EnvVms() {}

    /**
     * The env to use: on the host, fact {@code env_name} ({@code --env}) overrides {@code defaultEnv} as in the
     * original; inside the nested PVE the scenario's env is used.
     */
    static String envName(ActionContext ctx, String defaultEnv, PveTarget where) {
        return where instanceof PveTarget.Host
                ? ctx.run()
                        .env()
                        .or(() -> ctx.lookup(Facts.ENV_NAME))
                        .filter(e -> !e.isBlank())
                        .orElse(defaultEnv)
                : defaultEnv;
    }

    /** The env resolved for the host's node, or for {@code nested-pve} (falling back to the host) inside the nested PVE. */
    static Either<ActionFailure, ResolvedEnv> resolve(EnvSource envs, String env, PveTarget where, ActionContext ctx) {
        return ctx.requireHost()
                .flatMap(host -> where instanceof PveTarget.Host
                        ? envs.resolve(env, host.name(), ctx)
                        : envs.resolve(env, NESTED_NODE, ctx).orElse(() -> envs.resolve(env, host.name(), ctx)));
    }

    /** A PVE volume file name: what an image name must be to become {@code local:import/<image>.qcow2}. */
    private static final java.util.regex.Pattern IMAGE = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");

    /**
     * The pre-run check of an env action ({@link Prechecked}): the env resolves for the node, every image name is
     * usable; the VM names it holds.
     */
    static Either<ActionFailure, java.util.List<String>> precheck(
            EnvSource envs, String envName, PveTarget where, ActionContext ctx) {
        return resolve(envs, envName, where, ctx).flatMap(env -> {
            for (ResolvedVm vm : env.vms()) {
                if (vm.image().filter(i -> !IMAGE.matcher(i).matches()).isPresent()) {
                    return Either.left(
                            new ActionFailure.Precondition(
                                    "env " + env.env() + ", VM " + vm.name() + ": image name '"
                                            + dev.homestak.scenarios.internal.ReportText.stripAnsi(
                                                            vm.image().get())
                                                    .replaceAll("\\p{Cntrl}", "?")
                                            + "' is not a file name (letters, digits, '.', '_', '+', '-'): fix the template's 'image'"));
                }
            }
            return Either.right(env.vms().stream().map(ResolvedVm::name).toList());
        });
    }

    /** The id of {@code vm}: fact {@code <name>_vm_id}, then {@code --vm-id}, then the env's {@code vmid}. */
    static Optional<Integer> vmid(ActionContext ctx, ResolvedVm vm) {
        return ctx.lookup(Facts.vmIdKey(vm.name()))
                .or(() -> override(ctx, vm.name()))
                .or(vm::vmid);
    }

    /** The {@code --vm-id} override of {@code name}, if any. */
    static Optional<Integer> override(ActionContext ctx, String name) {
        return ctx.run().vmIdOverride(name);
    }
}
