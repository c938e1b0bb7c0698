package dev.homestak.actions;

import dev.homestak.core.Facts;
import dev.homestak.core.Key;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Creates an env's VMs with OpenTofu on the nested PVE [TofuApplyRemoteAction]: one SSH call (as
 * root) to the host in {@code hostKey} running, in {@code tofuDir},
 * {@code tofu init} then {@code tofu apply -auto-approve -json -state=<state>/terraform.tfstate
 * -var-file=<tfvars>} with {@code TF_DATA_DIR=<state>/data}, {@code <state> = <stateRoot>/<env>-<node>}.
 * The tfvars are resolved here (ConfigResolver for the nested node, as the original's local
 * resolution) and sent on standard input into a private temp file on the host. Writes
 * {@code <vmname>_vm_id} per VM and {@code provisioned_vms}; reads {@code vm_id_overrides}.
 *
 * @param env       env name ({@code test})
 * @param node      the nested node's name ({@code nested-pve})
 * @param hostKey   fact holding the nested PVE's address ({@code inner_ip})
 * @param tfvars    the resolved inputs; tokens and passwords as {@code Secret}
 * @param tofu      the tofu command on the host ({@code tofu})
 * @param tofuDir   tofu env directory on the host ({@code /opt/homestak/tofu/envs/generic})
 * @param stateRoot state root on the host ({@code /opt/homestak/iac-driver/.states})
 * @param timeout   limit of init and apply together (420 s: the original's 120 + 300)
 */
public record TofuApplyRemoteAction(
        String env,
        String node,
        Key<String> hostKey,
        Map<String, Object> tfvars,
        String tofu,
        String tofuDir,
        String stateRoot,
        Duration timeout)
        implements Action<ActionResult> {

    /** Validates components and copies the tfvars. */
    public TofuApplyRemoteAction {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(hostKey, "hostKey");
        tfvars = Collections.unmodifiableMap(new LinkedHashMap<>(tfvars));
        Objects.requireNonNull(tofu, "tofu");
        Objects.requireNonNull(tofuDir, "tofuDir");
        Objects.requireNonNull(stateRoot, "stateRoot");
        Objects.requireNonNull(timeout, "timeout");
        for (String part : new String[] {env, node, tofuDir, stateRoot}) {
            if (part.contains("'") || part.contains("\n")) {
                throw new IllegalArgumentException("quotes and newlines are not allowed in names and paths: " + part);
            }
        }
    }

    /** {@code env} on {@code nested-pve} at {@code inner_ip}, with the original's remote paths. */
    public static TofuApplyRemoteAction of(String env, Map<String, Object> tfvars) {
        return new TofuApplyRemoteAction(
                env,
                "nested-pve",
                Facts.INNER_IP,
                tfvars,
                "tofu",
                "/opt/homestak/tofu/envs/generic",
                "/opt/homestak/iac-driver/.states",
                Duration.ofSeconds(420));
    }

    /** A copy with other remote paths and tofu command. */
    public TofuApplyRemoteAction at(String tofuCommand, String dir, String states) {
        return new TofuApplyRemoteAction(env, node, hostKey, tfvars, tofuCommand, dir, states, timeout);
    }

    /** The script sent over SSH. */
    String script() {
        return TofuRemote.script("apply", tofu, tofuDir, stateRoot, env, node);
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        Map<String, Object> vars = Tofu.withOverrides(tfvars, ctx.run().vmIdOverrides());
        return TofuRemote.run(ctx, hostKey, "apply", script(), vars, timeout)
                .map(r -> ActionResult.of(
                        "Tofu apply completed for " + env + " on " + node + " (remote)", Tofu.vmFacts(vars)));
    }

    @Override
    public String describe() {
        return "tofu apply " + env + " on " + node + " (remote)";
    }

    /** Shows the names of the tfvars only: their values hold the token and password. */
    @Override
    public String toString() {
        return "TofuApplyRemoteAction[env=" + env + ", node=" + node + ", hostKey=" + hostKey.name() + ", tfvars="
                + tfvars.keySet() + ", tofu=" + tofu + ", tofuDir=" + tofuDir + ", stateRoot=" + stateRoot
                + ", timeout=" + timeout + "]";
    }
}
