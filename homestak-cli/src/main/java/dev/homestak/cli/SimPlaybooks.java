package dev.homestak.cli;

import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionResult;
import dev.homestak.actions.PlaybookStandIn;
import dev.homestak.actions.SshRequest;
import dev.homestak.actions.SshResult;
import dev.homestak.core.Facts;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stand-ins for the built-in scenarios' playbooks on a simulated host. Each runs, over the run's real
 * SSH on the play's target, the commands that carry the playbook's effect, which the simulated guest models;
 * a local play targets the simulated PVE host itself. The phase message says the playbook was simulated.
 * <ul>
 *   <li>{@code pve-install.yml}: {@code apt-get install proxmox-ve}: the VM becomes a PVE host (its API serves);</li>
 *   <li>{@code nested-pve-setup.yml}: on a PVE, bridge {@code vmbr0} created and applied ({@code pvesh}), the
 *       {@code root@pam!tofu} token recreated ({@code pveum}) as the real role does;</li>
 *   <li>{@code pve-setup.yml}: on a PVE, the no-subscription repository configured;</li>
 *   <li>{@code user.yml}: the user (fact {@code homestak_user}, else {@code homestak}) created with passwordless sudo.</li>
 * </ul>
 */
final class SimPlaybooks {

    static final String PVE_INSTALL = "playbooks/pve-install.yml";
    static final String NESTED_SETUP = "playbooks/nested-pve-setup.yml";
    static final String PVE_SETUP = "playbooks/pve-setup.yml";
    static final String USER = "playbooks/user.yml";
    private static final String DEFAULT_USER = "homestak";
    private static final String PVE_CHECK = "systemctl is-active pveproxy";
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private SimPlaybooks() {}

    /** One command of a stand-in; {@code required}: its failure fails the play. */
    private record Step(String command, boolean required) {
        static Step must(String command) {
            return new Step(command, true);
        }
    }

    /** The stand-ins by playbook path. */
    static Map<String, PlaybookStandIn> all() {
        Map<String, PlaybookStandIn> map = new LinkedHashMap<>();
        map.put(
                PVE_INSTALL,
                (run, ctx) -> play(
                        run,
                        ctx,
                        "PVE installed, pveproxy active",
                        List.of(
                                Step.must("apt-get install -y proxmox-ve postfix open-iscsi chrony"),
                                Step.must(PVE_CHECK))));
        map.put(
                NESTED_SETUP,
                (run, ctx) -> play(
                        run,
                        ctx,
                        "bridge vmbr0 up, API token root@pam!tofu created",
                        List.of(
                                Step.must(PVE_CHECK),
                                Step.must(
                                        "pvesh create /nodes/localhost/network --iface vmbr0 --type bridge --autostart 1"),
                                Step.must("pvesh set /nodes/localhost/network"),
                                new Step("pveum user token remove root@pam tofu", false),
                                Step.must("pveum user token add root@pam tofu --privsep 0 --output-format json"))));
        map.put(
                PVE_SETUP,
                (run, ctx) -> play(
                        run,
                        ctx,
                        "no-subscription repository configured",
                        List.of(
                                Step.must(PVE_CHECK),
                                Step.must("echo 'deb http://download.proxmox.com/debian/pve trixie pve-no-subscription'"
                                        + " > /etc/apt/sources.list.d/pve-no-subscription.list"))));
        map.put(USER, (run, ctx) -> {
            String user = ctx.lookup(Facts.HOMESTAK_USER).orElse(DEFAULT_USER);
            return play(
                    run,
                    ctx,
                    "user " + user + " with passwordless sudo",
                    List.of(
                            Step.must("id " + user + " || useradd -m -s /bin/bash -G sudo " + user),
                            Step.must("echo '" + user + " ALL=(ALL) NOPASSWD:ALL' > /etc/sudoers.d/" + user),
                            Step.must("id " + user)));
        });
        return map;
    }

    private static Either<ActionFailure, ActionResult> play(
            PlaybookStandIn.PlaybookRun run, ActionContext ctx, String effect, List<Step> steps) {
        String host =
                run.host().orElseGet(() -> ctx.host().map(h -> h.sshHost()).orElse("127.0.0.1"));
        for (Step step : steps) {
            Either<ActionFailure, SshResult> result =
                    ctx.ssh(SshRequest.of(ctx.ssh().endpoint("root", host), step.command(), LIMIT));
            if (result.isLeft()) {
                return Either.left(result.getLeft());
            }
            if (step.required() && !result.get().succeeded()) {
                return Either.left(new ActionFailure.ProcessExit(
                        "simulated " + run.playbook() + ": '" + step.command() + "' on " + host,
                        result.get().exitCode(),
                        (result.get().stderr() + result.get().stdout()).strip()));
            }
        }
        return Either.right(ActionResult.of(run.playbook() + " simulated on " + host + ": " + effect));
    }
}
