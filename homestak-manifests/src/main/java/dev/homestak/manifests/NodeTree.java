package dev.homestak.manifests;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each node of a plan lives: its parent, whether it is a {@code pve} node (a PVE host its children are created
 * in), and its path from the target host ({@code root-pve › leaf-pve › edge}).
 */
final class NodeTree {

    static final String SEPARATOR = " › ";

    private final Map<String, String> parents;
    private final Map<String, String> types;

    private NodeTree(Map<String, String> parents, Map<String, String> types) {
        this.parents = parents;
        this.types = types;
    }

    static NodeTree of(Plan plan) {
        Map<String, String> parents = new HashMap<>();
        Map<String, String> types = new HashMap<>();
        for (NodePlan n : plan.nodes()) {
            types.put(n.name(), n.type());
            n.spec().flatMap(NodeSpec::parent).ifPresent(p -> parents.put(n.name(), p));
        }
        return new NodeTree(parents, types);
    }

    static NodeTree of(List<NodeSpec> specs) {
        Map<String, String> parents = new HashMap<>();
        Map<String, String> types = new HashMap<>();
        for (NodeSpec s : specs) {
            types.put(s.name(), s.type());
            s.parent().ifPresent(p -> parents.put(s.name(), p));
        }
        return new NodeTree(parents, types);
    }

    boolean isPve(String node) {
        return "pve".equals(types.get(node));
    }

    /** The {@code pve} node {@code node} is created in; empty for a node on the target host. */
    Optional<String> pveParent(String node) {
        return Optional.ofNullable(parents.get(node)).filter(this::isPve);
    }

    /** How many {@code pve} nodes {@code node} is inside (0 on the target host). */
    int depth(String node) {
        return path(node).split(SEPARATOR, -1).length - 1;
    }

    /** {@code root-pve › leaf-pve › edge}. */
    String path(String node) {
        List<String> names = new ArrayList<>();
        for (String n = node;
                n != null && names.size() <= parents.size();
                n = pveParent(n).orElse(null)) {
            names.add(n);
        }
        Collections.reverse(names);
        return String.join(SEPARATOR, names);
    }
}
