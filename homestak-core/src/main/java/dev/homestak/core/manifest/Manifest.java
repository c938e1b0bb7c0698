package dev.homestak.core.manifest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated manifest: a tree (forest) of nodes in file order, with its settings. Every node's
 * parent is a node of the manifest and there are no cycles, so navigation never fails for a name
 * that {@link #node} finds.
 *
 * @param name the manifest's {@code name}
 * @param description its {@code description} (empty when not written)
 * @param pattern its {@code pattern} ({@code flat} or {@code tiered}; informational, default {@code flat})
 * @param settings its {@code settings}, defaults filled in
 * @param nodes every node, in file order
 * @param source where it was read from, for messages: a file path or {@code --manifest-json}
 */
public record Manifest(
        String name,
        String description,
        String pattern,
        ManifestSettings settings,
        List<ManifestNode> nodes,
        String source) {

    /** Validates components and copies the nodes. */
    public Manifest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(settings, "settings");
        nodes = List.copyOf(nodes);
        Objects.requireNonNull(source, "source");
    }

    /** The nodes created on the target host (no parent), in file order. */
    public List<ManifestNode> roots() {
        return nodes.stream().filter(ManifestNode::isRoot).toList();
    }

    /** The nodes whose parent is {@code parent}, in file order. */
    public List<ManifestNode> children(String parent) {
        return nodes.stream()
                .filter(n -> n.parent().filter(parent::equals).isPresent())
                .toList();
    }

    /** The node called {@code name}. */
    public Optional<ManifestNode> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** The node's ancestors, the root first and its parent last; empty for a root or an unknown name. */
    public List<ManifestNode> ancestors(String name) {
        List<ManifestNode> chain = new ArrayList<>();
        Optional<ManifestNode> at = node(name).flatMap(n -> n.parent()).flatMap(this::node);
        // a loaded manifest has no cycles; the bound only keeps a hand-built one from looping forever
        while (at.isPresent() && chain.size() <= nodes.size()) {
            chain.add(at.get());
            at = at.get().parent().flatMap(this::node);
        }
        Collections.reverse(chain);
        return List.copyOf(chain);
    }

    /** How deep the node is: 0 for a root, 1 for its children, and so on. */
    public int depth(String name) {
        return ancestors(name).size();
    }

    /** The node and everything below it, parents before children (breadth-first). */
    public List<ManifestNode> subtree(String name) {
        List<ManifestNode> out = new ArrayList<>();
        node(name).ifPresent(out::add);
        for (int i = 0; i < out.size() && out.size() <= nodes.size(); i++) {
            out.addAll(children(out.get(i).name()));
        }
        return List.copyOf(out);
    }
}
