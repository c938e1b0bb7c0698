package dev.homestak.scenarios.builtin;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionResult;
import dev.homestak.actions.AnsibleLocalPlaybookAction;
import dev.homestak.actions.AnsiblePlaybookAction;
import dev.homestak.core.Facts;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A playbook run on this machine, or on {@code remote_ip} when that fact is set [_PVESetupPhase, _UserPhase of
 * pve-configure]: the original chose local or remote at run time from the context.
 *
 * @param ansibleDir the ansible checkout (cwd of {@code ansible-playbook})
 * @param playbook   e.g. {@code playbooks/pve-setup.yml}
 * @param timeout    limit of the play
 */
record PlaybookPhase(Path ansibleDir, String playbook, Duration timeout) implements Action<ActionResult> {

    PlaybookPhase {
        Objects.requireNonNull(ansibleDir, "ansibleDir");
        Objects.requireNonNull(playbook, "playbook");
        Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        boolean remote = ctx.lookup(Facts.REMOTE_IP).filter(ip -> !ip.isBlank()).isPresent();
        Action<ActionResult> play = remote
                ? AnsiblePlaybookAction.builder(ansibleDir, playbook)
                        .host(Facts.REMOTE_IP)
                        .user("root")
                        .timeout(timeout)
                        .build()
                : new AnsibleLocalPlaybookAction(ansibleDir, playbook, "inventory/local.yml", Map.of(), timeout);
        return play.run(ctx);
    }

    @Override
    public String describe() {
        return "ansible-playbook " + playbook + " (local, or on remote_ip)";
    }
}
