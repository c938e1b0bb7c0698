package dev.homestak.actions;

import io.vavr.control.Either;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Destroys an env's VMs with OpenTofu [TofuDestroyAction]: in {@code tofuDir} runs
 * {@code tofu destroy -auto-approve -json -state=<state>/terraform.tfstate -var-file=<tfvars>} with
 * {@code TF_DATA_DIR=<state>/data} (no init; the same tfvars as apply because tofu's variables are
 * mandatory). Without a state file there is nothing to destroy, which is a success (the original's
 * newest behaviour). Reads no facts, writes none.
 *
 * @param env       env name
 * @param node      node (host) name
 * @param tofuDir   the tofu env directory
 * @param stateRoot where per env/node state directories live
 * @param tfvars    the resolved inputs, as for apply
 * @param timeout   limit of {@code tofu destroy} (300 s)
 */
public record TofuDestroyAction(
        String env, String node, Path tofuDir, Path stateRoot, Map<String, Object> tfvars, Duration timeout)
        implements Action<ActionResult> {

    /** Validates components and copies the tfvars. */
    public TofuDestroyAction {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(tofuDir, "tofuDir");
        Objects.requireNonNull(stateRoot, "stateRoot");
        tfvars = Collections.unmodifiableMap(new LinkedHashMap<>(tfvars));
        Objects.requireNonNull(timeout, "timeout");
    }

    /** The destroy counterpart of an apply (same env, node, directories and tfvars; 300 s). */
    public static TofuDestroyAction of(TofuApplyAction apply) {
        return new TofuDestroyAction(
                apply.env(), apply.node(), apply.tofuDir(), apply.stateRoot(), apply.tfvars(), Duration.ofSeconds(300));
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        Path state = Tofu.stateDir(stateRoot, env, node);
        Path stateFile = state.resolve("terraform.tfstate");
        if (!Files.isRegularFile(stateFile)) {
            return Either.right(ActionResult.of(
                    "No state file found for " + env + "-" + node + " at " + stateFile + ", nothing to destroy"));
        }
        if (!Files.isDirectory(tofuDir)) {
            return Either.left(new ActionFailure.Precondition("Tofu directory not found: " + tofuDir));
        }
        return Tofu.withTfvars(
                env,
                node,
                Tofu.withOverrides(tfvars, ctx.run().vmIdOverrides()),
                file -> Tofu.change(ctx, "destroy", tofuDir, state, file, timeout)
                        .map(done -> ActionResult.of("Tofu destroy completed for " + env + " on " + node)));
    }

    @Override
    public String describe() {
        return "tofu destroy " + env + " on " + node;
    }

    /** Shows the names of the tfvars only: their values hold tokens and passwords. */
    @Override
    public String toString() {
        return "TofuDestroyAction[env=" + env + ", node=" + node + ", tofuDir=" + tofuDir + ", stateRoot=" + stateRoot
                + ", tfvars=" + tfvars.keySet() + ", timeout=" + timeout + "]";
    }
}
