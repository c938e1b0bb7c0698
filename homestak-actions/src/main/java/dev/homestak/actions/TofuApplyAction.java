package dev.homestak.actions;

import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Creates an env's VMs with OpenTofu [TofuApplyAction]: writes the tfvars to a private temp file, then
 * in {@code tofuDir} runs {@code tofu init} and
 * {@code tofu apply -auto-approve -json -state=<state>/terraform.tfstate -var-file=<tfvars>} with
 * {@code TF_DATA_DIR=<state>/data}, where {@code <state> = <stateRoot>/<env>-<node>}.
 *
 * <p>Writes {@code <vmname>_vm_id} for each VM of the tfvars and {@code provisioned_vms}
 * ({@code [{name, vmid}]}); reads {@code vm_id_overrides} ({@code {vmname: vmid}}) if present.
 * Resources completed by tofu are reported as progress; tofu's error diagnostics become the failure.
 *
 * @param env          env name, e.g. {@code test}
 * @param node         node (host) name, e.g. {@code pve}
 * @param tofuDir      the tofu env directory ({@code <parent>/tofu/envs/generic})
 * @param stateRoot    where per env/node state directories live ({@code iac-driver/.states})
 * @param tfvars       the resolved inputs (ConfigResolver's output); put tokens and passwords in as {@code Secret}
 * @param initTimeout  limit of {@code tofu init} (120 s)
 * @param applyTimeout limit of {@code tofu apply} (300 s)
 */
public record TofuApplyAction(
        String env,
        String node,
        Path tofuDir,
        Path stateRoot,
        Map<String, Object> tfvars,
        Duration initTimeout,
        Duration applyTimeout)
        implements Action<ActionResult> {

    /** Validates components and copies the tfvars (keeping their order). */
    public TofuApplyAction {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(tofuDir, "tofuDir");
        Objects.requireNonNull(stateRoot, "stateRoot");
        tfvars = Collections.unmodifiableMap(new LinkedHashMap<>(tfvars));
        Objects.requireNonNull(initTimeout, "initTimeout");
        Objects.requireNonNull(applyTimeout, "applyTimeout");
    }

    /** A builder with the original's timeouts (init 120 s, apply 300 s). */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        if (!Files.isDirectory(tofuDir)) {
            return Either.left(new ActionFailure.Precondition("Tofu directory not found: " + tofuDir));
        }
        Path state = Tofu.stateDir(stateRoot, env, node);
        try {
            Files.createDirectories(state.resolve("data"));
        } catch (IOException e) {
            return Either.left(new ActionFailure.Precondition(
                    "cannot create tofu state directory " + state + ": " + e.getMessage()));
        }
        Map<String, Object> vars = Tofu.withOverrides(tfvars, ctx.run().vmIdOverrides());
        ctx.progress("tofu apply for " + env + " on " + node + " (state " + state + ")");
        return Tofu.withTfvars(
                env,
                node,
                vars,
                file -> Tofu.init(ctx, tofuDir, state.resolve("data"), initTimeout)
                        .flatMap(init -> Tofu.change(ctx, "apply", tofuDir, state, file, applyTimeout))
                        .map(done -> ActionResult.of(
                                "Tofu apply completed for " + env + " on " + node, Tofu.vmFacts(vars))));
    }

    @Override
    public String describe() {
        return "tofu apply " + env + " on " + node;
    }

    /** Shows the names of the tfvars only: their values hold tokens and passwords. */
    @Override
    public String toString() {
        return "TofuApplyAction[env=" + env + ", node=" + node + ", tofuDir=" + tofuDir + ", stateRoot=" + stateRoot
                + ", tfvars=" + tfvars.keySet() + ", initTimeout=" + initTimeout + ", applyTimeout=" + applyTimeout
                + "]";
    }

    /** Builds a {@link TofuApplyAction}. */
    public static final class Builder {
        private String env = "";
        private String node = "";
        private Path tofuDir = Path.of("tofu", "envs", "generic");
        private Path stateRoot = Path.of(".states");
        private Map<String, Object> tfvars = Map.of();
        private Duration initTimeout = Duration.ofSeconds(120);
        private Duration applyTimeout = Duration.ofSeconds(300);

        private Builder() {}

        /** Env and node: the state directory is {@code <stateRoot>/<env>-<node>}. */
        public Builder env(String envName, String nodeName) {
            this.env = envName;
            this.node = nodeName;
            return this;
        }

        /** The tofu env directory. */
        public Builder tofuDir(Path dir) {
            this.tofuDir = dir;
            return this;
        }

        /** Where state directories live. */
        public Builder stateRoot(Path dir) {
            this.stateRoot = dir;
            return this;
        }

        /** The resolved inputs. */
        public Builder tfvars(Map<String, ?> values) {
            this.tfvars = new LinkedHashMap<>(values);
            return this;
        }

        /** Limits of init and apply. */
        public Builder timeouts(Duration init, Duration apply) {
            this.initTimeout = init;
            this.applyTimeout = apply;
            return this;
        }

        /** The action. */
        public TofuApplyAction build() {
            if (env.isBlank() || node.isBlank()) {
                throw new IllegalStateException("env and node are required");
            }
            return new TofuApplyAction(env, node, tofuDir, stateRoot, tfvars, initTimeout, applyTimeout);
        }
    }
}
