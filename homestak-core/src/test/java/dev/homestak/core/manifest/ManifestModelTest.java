package dev.homestak.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.core.ConfigEnvironment;
import dev.homestak.core.ConfigFailure;
import dev.homestak.core.Preset;
import dev.homestak.core.SiteConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The manifest model")
class ManifestModelTest {

    @TempDir
    Path tmp;

    @Nested
    @DisplayName("ManifestSource.ofFlag (-M)")
    class OfFlag {
        @Test
        @DisplayName("a bare word is a name in manifests/")
        void name() {
            assertThat(ManifestSource.ofFlag("n1-push")).isEqualTo(new ManifestSource.Named("n1-push"));
        }

        @Test
        @DisplayName("a value with a slash or a .yaml/.yml/.json ending is a file")
        void path() {
            assertThat(List.of("./n1.yaml", "dir/n1", "n1.yaml", "n1.yml", "n1.json"))
                    .allSatisfy(
                            v -> assertThat(ManifestSource.ofFlag(v)).isEqualTo(new ManifestSource.File(Path.of(v))));
        }
    }

    @Test
    @DisplayName(
            "settings and modes: written values replace the defaults; default_mode applies to nodes without their own")
    void settingsAndModes() throws IOException {
        Path file = Files.writeString(tmp.resolve("m.yaml"), """
                schema_version: 2
                name: m
                execution: {default_mode: push}
                settings: {verify_ssh: false, on_error: rollback, timeout_buffer: 5}
                nodes:
                  - {name: a, type: vm, image: debian-13, disk: 30, preset: vm-small}
                """);
        Manifest m = Manifests.load(new ManifestSource.File(file), V2Fixture.site(tmp))
                .get();
        assertThat(m.settings()).isEqualTo(new ManifestSettings(false, true, 5, OnError.ROLLBACK));
        assertThat(m.nodes().get(0).mode()).isEqualTo(ExecutionMode.PUSH);
        assertThat(m.nodes().get(0).diskGb(Preset.of("vm-small", 2, 2048, 10))).isEqualTo(30);
        assertThat(m.settings().withOnError(OnError.CONTINUE).onError()).isEqualTo(OnError.CONTINUE);
    }

    @Test
    @DisplayName("a spec naming a posture that has no file is refused at the spec's line")
    void unknownPosture() throws IOException {
        Path site = Files.createDirectories(tmp.resolve("site"));
        Files.createDirectories(site.resolve("specs"));
        Files.createDirectories(site.resolve("postures"));
        Files.writeString(site.resolve("postures/dev.yaml"), "ssh: {port: 22}\n");
        Files.createDirectories(site.resolve("presets"));
        Files.writeString(site.resolve("presets/vm-small.yaml"), "cores: 1\nmemory: 512\ndisk: 4\n");
        Files.writeString(site.resolve("specs/web.yaml"), "schema_version: 1\naccess:\n  posture: hardened\n");
        Path file = Files.writeString(
                tmp.resolve("m.yaml"),
                "schema_version: 2\nname: m\nnodes:\n  - {name: a, type: vm, image: debian-12, preset: vm-small, spec: web}\n");
        SiteConfig loaded = SiteConfig.load(site, new ConfigEnvironment(Map.of(), tmp, tmp, tmp))
                .get();
        ConfigFailure f = Manifests.load(new ManifestSource.File(file), loaded).getLeft();
        assertThat(f.message())
                .isEqualTo(site.resolve("specs/web.yaml") + ":3: 'access.posture' names unknown posture "
                        + "'hardened' (available: dev) — create " + site.resolve("postures/hardened.yaml")
                        + " or name one of those");
    }

    @Test
    @DisplayName("the image catalog is a parameter: a site that builds its own images can add them")
    void ownImages() throws IOException {
        Path file = Files.writeString(
                tmp.resolve("m.yaml"),
                "schema_version: 2\nname: m\nnodes:\n  - {name: a, type: vm, image: alpine-3, preset: vm-small}\n");
        SiteConfig site = V2Fixture.site(tmp);
        assertThat(Manifests.load(new ManifestSource.File(file), site).isLeft()).isTrue();
        assertThat(Manifests.load(new ManifestSource.File(file), site, ImageCatalog.RELEASED.with(Set.of("alpine-3")))
                        .isRight())
                .isTrue();
    }

    @Test
    @DisplayName("navigation of a hand-built manifest with a cycle ends (a loaded manifest never has one)")
    void handBuiltCycle() {
        ManifestNode a =
                ManifestNode.builder("a", NodeType.PVE).parent(Optional.of("b")).build();
        ManifestNode b =
                ManifestNode.builder("b", NodeType.PVE).parent(Optional.of("a")).build();
        Manifest m = new Manifest("m", "", "flat", ManifestSettings.DEFAULTS, List.of(a, b), "test");
        assertThat(m.roots()).isEmpty();
        assertThat(m.ancestors("a")).hasSizeLessThanOrEqualTo(3);
        assertThat(m.subtree("a")).hasSizeLessThanOrEqualTo(3);
        assertThat(m.node("x")).isEmpty();
        assertThat(m.ancestors("x")).isEmpty();
    }

    @Test
    @DisplayName("toBuilder round-trips a node")
    void toBuilder() {
        ManifestNode n = ManifestNode.builder("a", NodeType.VM)
                .image(Optional.of("debian-12"))
                .vmid(Optional.of(101))
                .mode(ExecutionMode.PULL)
                .build();
        assertThat(n.toBuilder().build()).isEqualTo(n);
        assertThat(NodeType.ofYaml("pve")).contains(NodeType.PVE);
        assertThat(NodeType.ofYaml("PVE")).isEmpty();
    }
}
