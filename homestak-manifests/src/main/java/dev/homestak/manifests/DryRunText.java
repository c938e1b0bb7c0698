package dev.homestak.manifests;

import dev.homestak.actions.EnsurePveAction;
import dev.homestak.core.manifest.Manifest;
import dev.homestak.core.manifest.ManifestNode;
import java.util.List;

/**
 * Upstream's {@code --dry-run} text, with the plan's action per node:
 * <pre>
 *   DRY-RUN CREATE: n1-push / Host: sim / Pattern: flat
 *   [0] edge: vm (root) [local] -&gt; create
 *       preset=vm-small image=debian-12 vmid=99001
 * </pre>
 * Destroy lists the nodes children first.
 */
final class DryRunText {

    private DryRunText() {}

    static String render(Verb verb, Manifest manifest, Plan plan) {
        StringBuilder b = new StringBuilder();
        String what = verb == Verb.DESTROY ? "DESTROY" : verb == Verb.TEST ? "TEST" : "CREATE";
        b.append("  DRY-RUN ")
                .append(what)
                .append(": ")
                .append(manifest.name())
                .append(" / Host: ")
                .append(plan.deployment().host())
                .append(" / Pattern: ")
                .append(manifest.pattern().isEmpty() ? "flat" : manifest.pattern())
                .append('\n');
        List<NodePlan> nodes = verb == Verb.DESTROY ? plan.nodes().reversed() : plan.nodes();
        int i = 0;
        for (NodePlan n : nodes) {
            String where =
                    n.spec().flatMap(NodeSpec::parent).map(p -> "parent: " + p).orElse("root");
            String action = verb == Verb.DESTROY ? "destroy" : n.label();
            b.append("  [")
                    .append(i++)
                    .append("] ")
                    .append(n.name())
                    .append(": ")
                    .append(n.type())
                    .append(" (")
                    .append(where)
                    .append(") [local] -> ")
                    .append(action)
                    .append('\n');
            n.spec()
                    .ifPresent(s -> b.append("      preset=")
                            .append(s.preset())
                            .append(" image=")
                            .append(s.image())
                            .append(s.vmid().map(id -> " vmid=" + id).orElse(""))
                            .append('\n'));
            if (verb != Verb.DESTROY && !PveInstall.planNote(n).isEmpty()) {
                b.append("      then: install PVE (")
                        .append(EnsurePveAction.PLAYBOOK)
                        .append(")\n");
            }
            List<String> children =
                    manifest.children(n.name()).stream().map(ManifestNode::name).toList();
            if (!children.isEmpty()) {
                b.append("      children: ").append(String.join(", ", children)).append('\n');
            }
        }
        return b.append("  ")
                .append(verb == Verb.DESTROY ? nodes.size() + " node(s) to destroy" : plan.summary())
                .append('\n')
                .toString();
    }
}
