package dev.homestak.scenarios;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionResult;
import dev.homestak.actions.Actions;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Stops the VMs of an env [StopVMAction]: a VM already stopped or gone is success.
 *
 * @param envs    where the env comes from
 * @param env     the env
 * @param timeout limit of each stop task
 */
record StopEnvAction(EnvSource envs, String env, Duration timeout) implements Action<ActionResult> {

    StopEnvAction {
        Objects.requireNonNull(envs, "envs");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        return EnvVms.resolve(envs, env, PveAccess.Where.HOST, ctx).flatMap(resolved -> PveAccess.host(ctx)
                .flatMap(node -> EnvTargets.existing(ctx, node, resolved).flatMap(vms -> {
                    List<Action<String>> stops = vms.stream()
                            .<Action<String>>map(vm -> c -> VmPower.stop(c, node, vm.vmid(), vm.name(), timeout)).toList();
                    return Actions.parallel(Math.max(1, stops.size()), stops).run(ctx).map(done -> ActionResult.of(
                            done.isEmpty() ? "No VM of env " + resolved.env() + " exists" : String.join("; ", done)));
                })));
    }

    @Override
    public String describe() {
        return "stop the VMs of env " + env;
    }
}
