package dev.homestak.scenarios.builtin;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionResult;
import dev.homestak.actions.PveTarget;
import dev.homestak.actions.StopVmAction;
import dev.homestak.actions.VmSteps;
import dev.homestak.scenarios.Prechecked;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Stops the VMs of an env on the host [StopVMAction] with {@link StopVmAction}, all at once: a VM already stopped
 * or gone is success. Only VMs of the env with its name are touched ({@link EnvTargets}).
 *
 * @param envs    where the env comes from
 * @param env     the env
 * @param timeout limit of each stop task
 */
record StopEnvAction(EnvSource envs, String env, Duration timeout) implements Action<ActionResult>, Prechecked {

    StopEnvAction {
        Objects.requireNonNull(envs, "envs");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        PveTarget host = PveTarget.host();
        return EnvVms.resolve(envs, env, host, ctx)
                .flatMap(resolved -> VmSteps.label(ctx, host)
                        .flatMap(label -> EnvTargets.existing(ctx, host, resolved)
                                .flatMap(vms -> {
                                    List<Action<ActionResult>> stops = vms.stream()
                                            .map(vm -> VmSteps.onVm(
                                                    "stopping", vm, label, key -> new StopVmAction(key, host, timeout)))
                                            .toList();
                                    return VmSteps.all(stops)
                                            .run(ctx)
                                            .map(done -> ActionResult.of(
                                                    done.isEmpty()
                                                            ? "No VM of env " + resolved.env() + " exists"
                                                            : String.join(
                                                                    "; ",
                                                                    done.stream()
                                                                            .map(ActionResult::message)
                                                                            .toList())));
                                })));
    }

    @Override
    public Either<ActionFailure, java.util.List<String>> precheck(ActionContext ctx) {
        return EnvVms.precheck(envs, env, PveTarget.host(), ctx);
    }

    @Override
    public String describe() {
        return "stop the VMs of env " + env;
    }
}
