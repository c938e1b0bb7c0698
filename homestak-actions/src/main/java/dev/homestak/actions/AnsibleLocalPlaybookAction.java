package dev.homestak.actions;

import io.vavr.control.Either;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a playbook on this machine [AnsibleLocalPlaybookAction]: in {@code ansibleDir},
 * {@code ansible-playbook -i <inventory> <playbook> [-e <extra vars as JSON>]} with the local inventory
 * ({@code inventory/local.yml}, {@code ansible_connection: local}). Message
 * {@code <playbook> completed locally}; a failure names the failed task and host. Reads and writes no facts.
 *
 * @param ansibleDir the ansible checkout
 * @param playbook   playbook path relative to it
 * @param inventory  inventory path ({@code inventory/local.yml})
 * @param extraVars  extra variables; types are kept (JSON)
 * @param timeout    limit of the play (600 s)
 */
public record AnsibleLocalPlaybookAction(
        Path ansibleDir, String playbook, String inventory, Map<String, Object> extraVars, Duration timeout)
        implements Action<ActionResult> {

    /** Validates components and copies the extra vars. */
    public AnsibleLocalPlaybookAction {
        Objects.requireNonNull(ansibleDir, "ansibleDir");
        Objects.requireNonNull(playbook, "playbook");
        Objects.requireNonNull(inventory, "inventory");
        extraVars = Collections.unmodifiableMap(new LinkedHashMap<>(extraVars));
        Objects.requireNonNull(timeout, "timeout");
    }

    /** {@code playbook} with the local inventory, {@code extraVars} and the 600 s limit. */
    public static AnsibleLocalPlaybookAction of(Path ansibleDir, String playbook, Map<String, ?> extraVars) {
        return new AnsibleLocalPlaybookAction(
                ansibleDir, playbook, "inventory/local.yml", new LinkedHashMap<>(extraVars), Duration.ofSeconds(600));
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        if (ctx.standIn(playbook).isPresent()) {
            return ctx.standIn(playbook)
                    .get()
                    .play(new PlaybookStandIn.PlaybookRun(playbook, java.util.Optional.empty(), extraVars), ctx);
        }
        return Ansible.play(ctx, ansibleDir, inventory, playbook, Map.of(), extraVars, timeout)
                .map(done -> ActionResult.of(playbook + " completed locally"));
    }

    @Override
    public String describe() {
        return "ansible-playbook " + playbook + " (local)";
    }

    /** Shows the names of the extra vars only: their values may hold secrets. */
    @Override
    public String toString() {
        return "AnsibleLocalPlaybookAction[ansibleDir=" + ansibleDir + ", playbook=" + playbook + ", inventory="
                + inventory + ", extraVars=" + extraVars.keySet() + ", timeout=" + timeout + "]";
    }
}
