package dev.homestak.scenarios.builtin;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionResult;
import dev.homestak.actions.PveTarget;
import dev.homestak.actions.TofuApplyAction;
import dev.homestak.actions.TofuDestroyAction;
import dev.homestak.core.Provisioner;
import dev.homestak.core.ResolvedEnv;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where the OpenTofu path of {@code provisioner: tofu} nodes runs: the generic env directory and the state root
 * (the original's {@code tofu/envs/generic} and {@code .states/<env>-<node>}).
 *
 * @param tofuDir   the directory of the generic tofu env
 * @param stateRoot the directory holding one state directory per env and node
 */
public record TofuSettings(Path tofuDir, Path stateRoot) {

    /** Validates components. */
    public TofuSettings {
        Objects.requireNonNull(tofuDir, "tofuDir");
        Objects.requireNonNull(stateRoot, "stateRoot");
    }

    /** The original's layout relative to the working directory: {@code ../tofu/envs/generic} and {@code .states}. */
    public static TofuSettings defaults() {
        return new TofuSettings(Path.of("..", "tofu", "envs", "generic"), Path.of(".states"));
    }

    /** Whether an env on {@code target} is provisioned with tofu: on the run's host when its node says {@code provisioner: tofu}. */
    static boolean usedFor(ActionContext ctx, PveTarget target) {
        return target instanceof PveTarget.Host
                && ctx.host().map(h -> h.provisioner() == Provisioner.TOFU).orElse(false);
    }

    /** The tofu apply of {@code env} (tfvars from the resolved env). */
    Action<ActionResult> apply(ResolvedEnv env, ActionContext ctx) {
        return applyAction(env);
    }

    /** The tofu destroy of {@code env}. */
    Action<ActionResult> destroy(ResolvedEnv env, ActionContext ctx) {
        return TofuDestroyAction.of(applyAction(env));
    }

    private TofuApplyAction applyAction(ResolvedEnv env) {
        return TofuApplyAction.builder()
                .env(env.env(), env.node())
                .tofuDir(tofuDir)
                .stateRoot(stateRoot)
                .tfvars(tfvars(env))
                .build();
    }

    /** The tfvars with the token and password as {@code Secret}s: the action reveals them only into its file. */
    private static Map<String, Object> tfvars(ResolvedEnv env) {
        Map<String, Object> vars = new LinkedHashMap<>(env.toTfvars(false));
        vars.put("api_token", env.apiToken());
        env.rootPassword().ifPresent(p -> vars.put("root_password", p));
        return vars;
    }
}
