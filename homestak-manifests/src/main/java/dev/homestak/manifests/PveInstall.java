package dev.homestak.manifests;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionResult;
import dev.homestak.actions.AnsiblePlaybookAction;
import dev.homestak.actions.EnsurePveAction;
import dev.homestak.core.Facts;
import java.time.Duration;

/**
 * {@code <node>/install_pve}: a {@code pve} node whose image has no PVE ({@code debian-12}; {@code pve-*} images come
 * with it) gets PVE from the controller as the seed-era {@code install_pve} phase did, through the one existing
 * action, {@link EnsurePveAction}: skipped when {@code /etc/pve-packages-preinstalled} exists or {@code pveproxy} is
 * active (a resume installs nothing twice), else {@code ansible-playbook -i inventory/remote-dev.yml
 * playbooks/pve-install.yml -e ansible_host=<ip> -e ansible_user=root -e {"pve_hostname": "<node>"}} in the ansible
 * checkout, then a wait for SSH after the install's reboot. On a simulated host the playbook's stand-in runs instead.
 */
final class PveInstall {

    /** SSH wait before the install (doubled after it), and the install's limit: the seed's values. */
    static final Duration SSH_WAIT = Duration.ofSeconds(120);

    static final Duration LIMIT = Duration.ofSeconds(1200);

    private PveInstall() {}

    /** Whether {@code spec} is a {@code pve} node whose image lacks PVE. */
    static boolean needed(NodeSpec spec) {
        return spec.type().equals("pve") && !spec.image().startsWith("pve-");
    }

    /** What {@code plan} adds to a node that gets PVE installed (created or replaced): {@code  + install PVE}. */
    static String planNote(NodePlan n) {
        boolean builds = n.action() == NodeAction.CREATE || n.action() == NodeAction.REPLACE;
        return builds && n.spec().filter(PveInstall::needed).isPresent() ? " + install PVE" : "";
    }

    /** Installs PVE on {@code node} (at fact {@code <node>_ip}), its hostname the node's name; idempotent. */
    static Action<ActionResult> of(String node) {
        EnsurePveAction ensure =
                new EnsurePveAction(Facts.vmIpKey(node), node, AnsiblePlaybookAction.DEFAULT_DIR, SSH_WAIT, LIMIT);
        return NodeSteps.described(
                "install PVE on " + node + " (" + EnsurePveAction.PLAYBOOK + "; skipped when pveproxy is active)",
                ensure);
    }
}
