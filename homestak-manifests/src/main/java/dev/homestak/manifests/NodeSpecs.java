package dev.homestak.manifests;

import dev.homestak.core.Preset;
import dev.homestak.core.SiteConfig;
import dev.homestak.core.manifest.Manifest;
import dev.homestak.core.manifest.ManifestNode;
import dev.homestak.core.manifest.NodeType;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;

/** A loaded manifest's nodes as the engine creates them: presets resolved from the site, parents first. */
final class NodeSpecs {

    private NodeSpecs() {}

    /** Every node in creation order (roots first, then each level), sized from its preset ({@code disk} overrides). */
    static Either<ManifestFailure, List<NodeSpec>> of(Manifest manifest, SiteConfig site) {
        List<NodeSpec> out = new ArrayList<>();
        for (ManifestNode node : ordered(manifest)) {
            if (node.parent()
                    .flatMap(manifest::node)
                    .map(p -> p.type() != NodeType.PVE)
                    .orElse(false)) {
                return Either.left(new ManifestFailure.Invalid(
                        manifest.name(),
                        node.name(),
                        "its parent " + node.parent().get() + " is a vm: only a pve node can hold other nodes"));
            }
            if (node.preset().isEmpty() || node.image().isEmpty()) {
                return Either.left(new ManifestFailure.Invalid(
                        manifest.name(),
                        node.name(),
                        "needs a preset and an image" + " (e.g. preset: vm-small, image: debian-12)"));
            }
            Either<?, Preset> preset = site.preset(node.preset().get());
            if (preset.isLeft()) {
                return Either.left(new ManifestFailure.Invalid(
                        manifest.name(),
                        node.name(),
                        "preset " + node.preset().get() + ": "
                                + ((dev.homestak.core.Failure) preset.getLeft()).message()));
            }
            Preset p = preset.get();
            out.add(new NodeSpec(
                    node.name(),
                    node.type().yamlName(),
                    node.parent(),
                    node.vmid(),
                    node.image().get(),
                    p.name(),
                    p.cores(),
                    p.memoryMb(),
                    node.diskGb(p)));
        }
        return Either.right(List.copyOf(out));
    }

    /** Breadth-first from the roots, as upstream creates them. */
    private static List<ManifestNode> ordered(Manifest manifest) {
        List<ManifestNode> out = new ArrayList<>(manifest.roots());
        for (int i = 0; i < out.size(); i++) {
            out.addAll(manifest.children(out.get(i).name()));
        }
        return out;
    }
}
