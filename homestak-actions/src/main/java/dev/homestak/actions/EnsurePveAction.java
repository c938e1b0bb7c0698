package dev.homestak.actions;

import dev.homestak.core.Facts;
import dev.homestak.core.Key;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Makes sure the host in {@code hostKey} runs Proxmox VE [EnsurePVEAction]: waits for SSH, then
 * skips when {@code /etc/pve-packages-preinstalled} exists (a PVE image) or {@code pveproxy} is
 * active; otherwise runs {@code playbooks/pve-install.yml} with {@code pve_hostname} as root and
 * waits for SSH again for twice {@code sshTimeout} (the install reboots). On a simulated host the
 * playbook's {@link PlaybookStandIn} runs instead (registered on the context). Writes no facts.
 *
 * @param hostKey     fact holding the host ({@code inner_ip})
 * @param pveHostname the hostname the install sets ({@code nested-pve})
 * @param ansibleDir  the ansible checkout
 * @param sshTimeout  SSH wait before the install (120 s; doubled after it)
 * @param timeout     limit of the install (1200 s)
 */
public record EnsurePveAction(
        Key<String> hostKey, String pveHostname, Path ansibleDir, Duration sshTimeout, Duration timeout)
        implements Action<ActionResult> {

    /** The playbook that installs PVE on Debian. */
    public static final String PLAYBOOK = "playbooks/pve-install.yml";

    /** Validates components. */
    public EnsurePveAction {
        Objects.requireNonNull(hostKey, "hostKey");
        Objects.requireNonNull(pveHostname, "pveHostname");
        Objects.requireNonNull(ansibleDir, "ansibleDir");
        Objects.requireNonNull(sshTimeout, "sshTimeout");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** PVE on {@code inner_ip} named {@code nested-pve}, with the original's limits. */
    public static EnsurePveAction of(Path ansibleDir) {
        return new EnsurePveAction(
                Facts.INNER_IP, "nested-pve", ansibleDir, Duration.ofSeconds(120), Duration.ofSeconds(1200));
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        return WaitForSshAction.of(hostKey)
                .withTimeout(sshTimeout)
                .run(ctx)
                .flatMap(up -> SshTargets.endpoint(ctx, "root", hostKey))
                .flatMap(target -> check(ctx, target, "test -f /etc/pve-packages-preinstalled")
                        .flatMap(preinstalled -> {
                            if (preinstalled.succeeded()) {
                                return Either.right(ActionResult.of(
                                        "PVE pre-installed (debian-13-pve image) - skipped installation"));
                            }
                            return check(ctx, target, "systemctl is-active pveproxy")
                                    .flatMap(active -> active.stdout().strip().equals("active")
                                            ? Either.right(ActionResult.of(
                                                    "PVE already installed (pveproxy active) - skipped installation"))
                                            : install(ctx, target.host()));
                        }));
    }

    private static Either<ActionFailure, SshResult> check(ActionContext ctx, SshEndpoint target, String command) {
        return ctx.ssh(SshRequest.of(target, command, Duration.ofSeconds(30)));
    }

    private Either<ActionFailure, ActionResult> install(ActionContext ctx, String host) {
        ctx.progress("Installing PVE on " + host + " (" + PLAYBOOK + ")");
        return AnsiblePlaybookAction.builder(ansibleDir, PLAYBOOK)
                .host(hostKey)
                .user("root")
                .extraVars(Map.of("pve_hostname", pveHostname))
                .waitForSsh(false, true)
                .sshTimeout(sshTimeout)
                .timeout(timeout)
                .build()
                .run(ctx)
                .map(done -> ActionResult.of("PVE installed on " + host, done.facts()));
    }

    @Override
    public String describe() {
        return "ensure PVE on " + hostKey.name();
    }
}
