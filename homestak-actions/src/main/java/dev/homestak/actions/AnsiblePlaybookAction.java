package dev.homestak.actions;

import dev.homestak.core.Facts;
import dev.homestak.core.Key;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs a playbook against the host in fact {@code hostKey} [AnsiblePlaybookAction]: optionally waits for
 * SSH first, then in {@code ansibleDir} runs
 * {@code ansible-playbook -i <inventory> <playbook> -e ansible_host=<ip> [-e ansible_user=<user>] [-e <extra vars as JSON>]}
 * (plus {@code -e ansible_ssh_common_args=-oProxyJump=<chain>} for a host the context reaches through jump hosts),
 * then optionally waits for SSH again for twice {@code sshTimeout} (a PVE install reboots). A failure
 * names the failed task, the host and ansible's reason. Reads {@code hostKey}; writes no facts.
 *
 * @param ansibleDir       the ansible checkout ({@code <parent>/ansible})
 * @param playbook         playbook path relative to it, e.g. {@code playbooks/pve-install.yml}
 * @param inventory        inventory path ({@code inventory/remote-dev.yml})
 * @param extraVars        extra variables; types are kept (JSON); put secrets in as {@code Secret}
 * @param hostKey          fact holding the target ({@code inner_ip})
 * @param user             {@code ansible_user}, when set
 * @param waitForSshBefore wait for SSH before the play (true)
 * @param waitForSshAfter  wait for SSH after the play (false)
 * @param sshTimeout       SSH wait limit (60 s)
 * @param timeout          limit of the play (600 s)
 */
public record AnsiblePlaybookAction(
        Path ansibleDir,
        String playbook,
        String inventory,
        Map<String, Object> extraVars,
        Key<String> hostKey,
        Optional<String> user,
        boolean waitForSshBefore,
        boolean waitForSshAfter,
        Duration sshTimeout,
        Duration timeout)
        implements Action<ActionResult> {

    /** The ansible checkout where the original looks for it: {@code ../ansible}, beside the working directory. */
    public static final Path DEFAULT_DIR = Path.of("..", "ansible");

    /** Validates components and copies the extra vars (keeping their order). */
    public AnsiblePlaybookAction {
        Objects.requireNonNull(ansibleDir, "ansibleDir");
        Objects.requireNonNull(playbook, "playbook");
        Objects.requireNonNull(inventory, "inventory");
        extraVars = Collections.unmodifiableMap(new LinkedHashMap<>(extraVars));
        Objects.requireNonNull(hostKey, "hostKey");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(sshTimeout, "sshTimeout");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** A builder for {@code playbook} in {@code ansibleDir} with the original's defaults. */
    public static Builder builder(Path ansibleDir, String playbook) {
        return new Builder(ansibleDir, playbook);
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        return ctx.require(hostKey)
                .flatMap(host -> waitForSsh(ctx, waitForSshBefore, sshTimeout)
                        .flatMap(before -> play(ctx, host))
                        .flatMap(done -> waitForSsh(ctx, waitForSshAfter, sshTimeout.multipliedBy(2))
                                .map(after -> done)));
    }

    /** The real play, or the registered stand-in (a simulated host), whose message and facts are the result. */
    private Either<ActionFailure, ActionResult> play(ActionContext ctx, String host) {
        Optional<PlaybookStandIn> standIn = ctx.standIn(playbook);
        if (standIn.isPresent()) {
            return standIn.get().play(new PlaybookStandIn.PlaybookRun(playbook, Optional.of(host), extraVars), ctx);
        }
        return Ansible.play(ctx, ansibleDir, inventory, playbook, plainVars(ctx, host), extraVars, timeout)
                .map(done -> ActionResult.of(playbook + " completed on " + host));
    }

    /**
     * {@code ansible_host}, {@code ansible_user}, and for a host behind jump hosts (the context's {@link SshRoute}, e.g.
     * a node inside a nested PVE) {@code ansible_ssh_common_args=-oProxyJump=a,b}: OpenSSH takes the same chain.
     */
    private Map<String, String> plainVars(ActionContext ctx, String host) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("ansible_host", host);
        user.ifPresent(u -> vars.put("ansible_user", u));
        List<SshEndpoint> jumps = ctx.sshJumpsTo(ctx.ssh().endpoint(user.orElse("root"), host));
        if (!jumps.isEmpty()) {
            vars.put(
                    "ansible_ssh_common_args",
                    "-oProxyJump=" + jumps.stream().map(SshEndpoint::toString).collect(Collectors.joining(",")));
        }
        return vars;
    }

    private Either<ActionFailure, ActionResult> waitForSsh(ActionContext ctx, boolean wanted, Duration limit) {
        if (!wanted) {
            return Either.right(ActionResult.of("skipped"));
        }
        return WaitForSshAction.of(hostKey)
                .withUser(user.orElse("root"))
                .withTimeout(limit)
                .run(ctx);
    }

    @Override
    public String describe() {
        return "ansible-playbook " + playbook;
    }

    /** Shows the names of the extra vars only: their values may hold secrets. */
    @Override
    public String toString() {
        return "AnsiblePlaybookAction[ansibleDir=" + ansibleDir + ", playbook=" + playbook + ", inventory=" + inventory
                + ", extraVars=" + extraVars.keySet() + ", hostKey=" + hostKey.name() + ", user=" + user
                + ", waitForSshBefore=" + waitForSshBefore + ", waitForSshAfter=" + waitForSshAfter
                + ", sshTimeout=" + sshTimeout + ", timeout=" + timeout + "]";
    }

    /** Builds an {@link AnsiblePlaybookAction}. */
    public static final class Builder {
        private final Path ansibleDir;
        private final String playbook;
        private String inventory = "inventory/remote-dev.yml";
        private Map<String, Object> extraVars = Map.of();
        private Key<String> hostKey = Facts.INNER_IP;
        private Optional<String> user = Optional.empty();
        private boolean waitForSshBefore = true;
        private boolean waitForSshAfter;
        private Duration sshTimeout = Duration.ofSeconds(60);
        private Duration timeout = Duration.ofSeconds(600);

        private Builder(Path ansibleDir, String playbook) {
            this.ansibleDir = ansibleDir;
            this.playbook = playbook;
        }

        /** Inventory path. */
        public Builder inventory(String path) {
            this.inventory = path;
            return this;
        }

        /** Extra variables. */
        public Builder extraVars(Map<String, ?> vars) {
            this.extraVars = new LinkedHashMap<>(vars);
            return this;
        }

        /** Fact holding the target. */
        public Builder host(Key<String> key) {
            this.hostKey = key;
            return this;
        }

        /** {@code ansible_user}. */
        public Builder user(String name) {
            this.user = Optional.of(name);
            return this;
        }

        /** Whether to wait for SSH before and after the play. */
        public Builder waitForSsh(boolean before, boolean after) {
            this.waitForSshBefore = before;
            this.waitForSshAfter = after;
            return this;
        }

        /** SSH wait limit (doubled after the play). */
        public Builder sshTimeout(Duration limit) {
            this.sshTimeout = limit;
            return this;
        }

        /** Limit of the play. */
        public Builder timeout(Duration limit) {
            this.timeout = limit;
            return this;
        }

        /** The action. */
        public AnsiblePlaybookAction build() {
            return new AnsiblePlaybookAction(
                    ansibleDir,
                    playbook,
                    inventory,
                    extraVars,
                    hostKey,
                    user,
                    waitForSshBefore,
                    waitForSshAfter,
                    sshTimeout,
                    timeout);
        }
    }
}
