package dev.homestak.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.core.ConfigFailure;
import dev.homestak.core.SiteConfig;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Manifests.load on the v2 fixture")
class ManifestLoadTest {

    @TempDir
    Path tmp;

    @Test
    @DisplayName("n1-push loads as one root vm node with its preset, image, vmid and push mode")
    void loadsFlatManifest() {
        Manifest m = Manifests.load(new ManifestSource.Named("n1-push"), V2Fixture.site(tmp))
                .get();
        assertThat(m.name()).isEqualTo("n1-push");
        assertThat(m.pattern()).isEqualTo("flat");
        assertThat(m.settings()).isEqualTo(ManifestSettings.DEFAULTS);
        assertThat(m.nodes())
                .containsExactly(ManifestNode.builder("edge", NodeType.VM)
                        .spec(Optional.of("base"))
                        .preset(Optional.of("vm-small"))
                        .image(Optional.of("debian-12"))
                        .vmid(Optional.of(99001))
                        .build());
        assertThat(m.source()).endsWith("manifests/n1-push.yaml");
    }

    @Test
    @DisplayName("n3-deep navigates: roots, children, ancestors root first, depth")
    void navigatesTree() {
        Manifest m = Manifests.load(new ManifestSource.Named("n3-deep"), V2Fixture.site(tmp))
                .get();
        assertThat(m.roots()).extracting(ManifestNode::name).containsExactly("root-pve");
        assertThat(m.children("root-pve")).extracting(ManifestNode::name).containsExactly("leaf-pve");
        assertThat(m.ancestors("edge")).extracting(ManifestNode::name).containsExactly("root-pve", "leaf-pve");
        assertThat(m.depth("edge")).isEqualTo(2);
        assertThat(m.depth("root-pve")).isZero();
        assertThat(m.node("root-pve").flatMap(ManifestNode::disk)).contains(64);
        assertThat(m.subtree("leaf-pve")).extracting(ManifestNode::name).containsExactly("leaf-pve", "edge");
    }

    @Test
    @DisplayName("the v2 presets are read with cores, memory and disk")
    void readsPresets() {
        SiteConfig site = V2Fixture.site(tmp);
        assertThat(site.catalog().presets())
                .containsOnlyKeys("vm-large", "vm-medium", "vm-small", "vm-xlarge", "vm-xsmall");
        assertThat(site.preset("vm-small").get()).isEqualTo(dev.homestak.core.Preset.of("vm-small", 2, 2048, 10));
        assertThat(site.preset("vm-tiny").getLeft().message())
                .startsWith("unknown preset 'vm-tiny' (available: vm-large,");
    }

    @Test
    @DisplayName("n1-pull is refused naming the node and the line of execution.mode")
    void refusesPull() {
        ConfigFailure f = Manifests.load(new ManifestSource.Named("n1-pull"), V2Fixture.site(tmp))
                .getLeft();
        assertThat(f).isInstanceOf(ConfigFailure.ProblemList.class);
        assertThat(f.message())
                .endsWith("manifests/n1-pull.yaml:24: 'nodes[0].execution.mode' pull (the node configures itself)"
                        + " of node 'edge' is not supported yet — use push, or remove the key");
    }

    @Test
    @DisplayName("the bundled schema (for site-configs without defs/) is upstream's, byte for byte")
    void bundledSchemaIsUpstreams() throws java.io.IOException {
        try (java.io.InputStream in = ManifestSchema.class.getResourceAsStream("manifest.schema.json")) {
            assertThat(in).isNotNull();
            assertThat(in.readAllBytes())
                    .isEqualTo(java.nio.file.Files.readAllBytes(V2Fixture.root().resolve("defs/manifest.schema.json")));
        }
    }
}
