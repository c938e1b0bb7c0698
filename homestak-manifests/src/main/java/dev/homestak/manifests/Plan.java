package dev.homestak.manifests;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Manifest × state × live VMs → per node create / keep / replace (why) / destroy. Pure: built from what was read.
 *
 * @param deployment the deployment
 * @param nodes      the manifest's nodes in order, then the nodes to destroy
 */
public record Plan(Deployment deployment, List<NodePlan> nodes) {

    /** Validates and copies. */
    public Plan {
        Objects.requireNonNull(deployment, "deployment");
        nodes = List.copyOf(nodes);
    }

    /** The plan for {@code specs}, given the recorded state and the live VMs (by name). */
    static Plan of(
            Deployment deployment,
            List<NodeSpec> specs,
            Optional<DeploymentState> state,
            Map<String, LiveVm> live,
            boolean verifySsh) {
        List<NodePlan> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (NodeSpec spec : specs) {
            names.add(spec.name());
            Optional<NodeRecord> recorded = state.flatMap(s -> s.node(spec.name()));
            Optional<LiveVm> vm = Optional.ofNullable(live.get(spec.name()));
            NodePlan decided = decide(spec, recorded, vm, verifySsh);
            Optional<NodePlan> parent = spec.parent()
                    .flatMap(p -> out.stream().filter(o -> o.name().equals(p)).findFirst());
            if (parent.isPresent()
                    && parent.get().action() != NodeAction.KEEP
                    && decided.action() != NodeAction.CREATE) {
                // created inside a parent that is created or replaced: what ran in the old one went with it
                decided = new NodePlan(
                        spec.name(),
                        spec.type(),
                        NodeAction.REPLACE,
                        "parent " + parent.get().name() + " "
                                + parent.get().action().name().toLowerCase(java.util.Locale.ROOT) + "d",
                        Optional.of(spec),
                        Optional.empty());
            }
            out.add(decided);
        }
        List<String> gone = new ArrayList<>();
        state.ifPresent(
                s -> s.nodes().keySet().stream().filter(n -> !names.contains(n)).forEach(gone::add));
        live.keySet().stream()
                .filter(n -> !names.contains(n) && !gone.contains(n))
                .forEach(gone::add);
        for (String name : gone) {
            String type = state.flatMap(s -> s.node(name)).map(NodeRecord::type).orElse("vm");
            out.add(new NodePlan(
                    name,
                    type,
                    NodeAction.DESTROY,
                    "no longer in the manifest",
                    Optional.empty(),
                    Optional.ofNullable(live.get(name))));
        }
        return new Plan(deployment, out);
    }

    /**
     * Everything of the deployment to destroy: the manifest's nodes, the recorded ones it no longer has, and every VM
     * tagged for it (even without any state).
     */
    static Plan destroying(
            Deployment deployment, List<NodeSpec> specs, Optional<DeploymentState> state, Map<String, LiveVm> live) {
        List<NodePlan> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (NodeSpec spec : specs) {
            names.add(spec.name());
            out.add(new NodePlan(
                    spec.name(),
                    spec.type(),
                    NodeAction.DESTROY,
                    "",
                    Optional.of(spec),
                    Optional.ofNullable(live.get(spec.name()))));
        }
        state.ifPresent(s -> s.nodes().values().stream()
                .filter(r -> names.add(r.name()))
                .forEach(r -> out.add(new NodePlan(
                        r.name(),
                        r.type(),
                        NodeAction.DESTROY,
                        "no longer in the manifest",
                        Optional.empty(),
                        Optional.ofNullable(live.get(r.name()))))));
        live.values().stream()
                .filter(vm -> names.add(vm.name()))
                .forEach(vm -> out.add(new NodePlan(
                        vm.name(),
                        "vm",
                        NodeAction.DESTROY,
                        "tagged " + deployment.tag(),
                        Optional.empty(),
                        Optional.of(vm))));
        return new Plan(deployment, out);
    }

    private static NodePlan decide(
            NodeSpec spec, Optional<NodeRecord> recorded, Optional<LiveVm> vm, boolean verifySsh) {
        NodeAction action;
        String why;
        if (vm.isEmpty()) {
            boolean wasThere =
                    recorded.map(r -> r.status() == NodeState.COMPLETED).orElse(false);
            action = wasThere ? NodeAction.REPLACE : NodeAction.CREATE;
            why = wasThere
                    ? "missing"
                    : recorded.map(r -> "previous create " + r.status().json()).orElse("");
        } else if (recorded.isPresent() && !recorded.get().fingerprint().equals(spec.fingerprint())) {
            action = NodeAction.REPLACE;
            why = "preset changed: " + recorded.get().fingerprint() + " -> " + spec.fingerprint();
        } else if (!vm.get().running()) {
            action = NodeAction.REPLACE;
            why = vm.get().status();
        } else if (vm.get().ip().isEmpty()) {
            action = NodeAction.REPLACE;
            why = "no IP from the guest agent";
        } else if (verifySsh && !vm.get().ssh()) {
            action = NodeAction.REPLACE;
            why = "SSH does not answer";
        } else {
            action = NodeAction.KEEP;
            why = "";
        }
        return new NodePlan(spec.name(), spec.type(), action, why, Optional.of(spec), vm);
    }

    /** The node's line, if it is in the plan. */
    public Optional<NodePlan> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** True when every node is kept: applying changes nothing. */
    public boolean upToDate() {
        return nodes.stream().allMatch(n -> n.action() == NodeAction.KEEP);
    }

    /** How many nodes get {@code action}. */
    public long count(NodeAction action) {
        return nodes.stream().filter(n -> n.action() == action).count();
    }

    /** {@code Plan: 1 to create, 0 to replace, 2 to keep, 0 to destroy}, or that nothing changes. */
    public String summary() {
        if (upToDate()) {
            return "No changes: deployment " + deployment.manifest() + " on " + deployment.host() + " is up to date ("
                    + nodes.size() + " node" + (nodes.size() == 1 ? "" : "s") + " kept)";
        }
        return "Plan: " + count(NodeAction.CREATE) + " to create, " + count(NodeAction.REPLACE) + " to replace, "
                + count(NodeAction.KEEP) + " to keep, " + count(NodeAction.DESTROY) + " to destroy";
    }

    /** The plan as a table: one line per node, then the summary. */
    public String render() {
        StringBuilder b = new StringBuilder();
        b.append("Plan for ")
                .append(deployment.manifest())
                .append(" on ")
                .append(deployment.host())
                .append(":\n");
        NodeTree tree = NodeTree.of(this);
        int width =
                nodes.stream().mapToInt(n -> tree.path(n.name()).length()).max().orElse(4);
        for (NodePlan n : nodes) {
            b.append("  ")
                    .append(String.format("%-" + width + "s", tree.path(n.name())))
                    .append("  ")
                    .append(String.format("%-4s", n.type()))
                    .append("  ")
                    .append(n.label())
                    .append(PveInstall.planNote(n))
                    .append('\n');
        }
        return b.append(summary()).append('\n').toString();
    }
}
