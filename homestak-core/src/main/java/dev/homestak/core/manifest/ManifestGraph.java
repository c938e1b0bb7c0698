package dev.homestak.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The parent links of a manifest's nodes: every parent is a pve node of the manifest, and no chain loops. */
final class ManifestGraph {

    private ManifestGraph() {}

    /** {@code names}: each node name and the index of its first node. */
    static void check(ManifestDoc doc, Map<String, Integer> names, ManifestProblems problems) {
        JsonNode nodes = doc.root().path("nodes");
        Set<String> inCycle = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode parent = nodes.get(i).path("parent");
            if (!parent.isTextual()) {
                continue;
            }
            String path = ManifestDoc.child(ManifestDoc.index("nodes", i), "parent");
            if (!names.containsKey(parent.textValue())) {
                problems.invalid(
                        doc,
                        path,
                        "names unknown node '" + parent.textValue() + "' (nodes: " + String.join(", ", names.keySet())
                                + ") — name one of them, or remove 'parent' to create the node on the target host");
                continue;
            }
            JsonNode parentNode = nodes.get(names.get(parent.textValue()));
            String parentType = ManifestBinder.text(parentNode, "type").orElse("pve");
            if (!parentType.equals("pve")) {
                problems.invalid(
                        doc,
                        path,
                        "names '" + parent.textValue() + "', a " + parentType + " node — only a pve node "
                                + "can host other nodes: make '" + parent.textValue()
                                + "' type: pve, or change the parent");
            }
            List<String> chain = chain(nodes, names, i);
            String self = ManifestBinder.text(nodes.get(i), "name").orElse("");
            if (chain.getLast().equals(self) && inCycle.add(self)) {
                inCycle.addAll(chain);
                problems.invalid(
                        doc,
                        path,
                        "makes a cycle (" + self + " → " + String.join(" → ", chain)
                                + ") — a node cannot be its own ancestor; remove one of these parents");
            }
        }
    }

    /** The parent names from node {@code i} upwards, stopping at a root, an unknown parent, or a repeat. */
    private static List<String> chain(JsonNode nodes, Map<String, Integer> names, int i) {
        List<String> chain = new ArrayList<>();
        Set<Integer> visited = new HashSet<>(List.of(i));
        JsonNode at = nodes.get(i);
        while (at.path("parent").isTextual()
                && names.containsKey(at.path("parent").textValue())) {
            int next = names.get(at.path("parent").textValue());
            chain.add(at.path("parent").textValue());
            if (!visited.add(next)) {
                break;
            }
            at = nodes.get(next);
        }
        return chain;
    }
}
