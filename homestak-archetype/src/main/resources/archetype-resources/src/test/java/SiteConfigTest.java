package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.core.HostConfig;
import dev.homestak.core.Preset;
import dev.homestak.core.SiteConfig;
import dev.homestak.core.manifest.Manifest;
import dev.homestak.core.manifest.ManifestNode;
import dev.homestak.core.manifest.ManifestSource;
import dev.homestak.core.manifest.Manifests;
import dev.homestak.core.manifest.NodeType;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("site-config/ of ${siteName}")
class SiteConfigTest {

    static final Path SITE_CONFIG = Path.of("site-config");

    static SiteConfig load(Path dir) {
        return SiteConfig.load(dir).getOrElseThrow(f -> new AssertionError(f.message()));
    }

    @Nested
    @DisplayName("as generated")
    class AsGenerated {

        @Test
        @DisplayName("loads with homestak unchanged, with node ${nodeName} as configured")
        void node() {
            HostConfig node = load(SITE_CONFIG).host("${nodeName}").getOrElseThrow(f -> new AssertionError(f.message()));
            assertThat(node.apiEndpoint()).contains(URI.create("${apiEndpoint}"));
            assertThat(node.apiTokenKey()).isEqualTo("${nodeName}");
            assertThat(node.datastore()).isEqualTo("${datastore}");
            assertThat(node.nodeName()).isEqualTo("${nodeName}");
        }

        @Test
        @DisplayName("is today's layout: site defaults by their current names, presets vm-xsmall to vm-xlarge, specs, postures, manifests")
        void layout() {
            SiteConfig site = load(SITE_CONFIG);
            assertThat(site.siteDefaults()).containsEntry("timezone", "America/Denver").containsEntry("domain", "local")
                    .containsEntry("datastore", "local-zfs").containsEntry("host_user", "root");
            assertThat(site.settings().hostUser()).contains("root");
            assertThat(site.settings().vmUser()).contains("homestak");
            assertThat(site.catalog().presets()).containsOnlyKeys("vm-xsmall", "vm-small", "vm-medium", "vm-large", "vm-xlarge");
            assertThat(site.catalog().specs()).containsOnlyKeys("base", "pve");
            assertThat(site.catalog().postures()).containsOnlyKeys("dev");
            assertThat(site.catalog().manifestNames()).containsExactly("n1-push", "n2-push");
            assertThat(site.envs()).isEmpty();
        }

        @Test
        @DisplayName("keeps plaintext secrets out of git")
        void gitignore() throws IOException {
            assertThat(Files.readAllLines(Path.of(".gitignore"))).contains("site-config/secrets.yaml");
            assertThat(SITE_CONFIG.resolve("secrets.yaml.example")).isRegularFile();
            assertThat(Files.readString(SITE_CONFIG.resolve(".sops.yaml"))).contains("path_regex: secrets").contains("age: age1");
        }
    }

    @Nested
    @DisplayName("manifests")
    class ManifestFiles {

        static Manifest manifest(String name) {
            return Manifests.load(ManifestSource.ofFlag(name), load(SITE_CONFIG))
                    .getOrElseThrow(f -> new AssertionError(f.message()));
        }

        @Test
        @DisplayName("n1-push validates: one vm node, edge, sized by preset vm-small (2 cores, 2048 MB, 10 GB)")
        void n1Push() {
            Manifest manifest = manifest("n1-push");

            assertThat(manifest.nodes()).singleElement().satisfies(edge -> {
                assertThat(edge.name()).isEqualTo("edge");
                assertThat(edge.type()).isEqualTo(NodeType.VM);
                assertThat(edge.preset()).contains("vm-small");
                assertThat(edge.vmid()).contains(99001);
            });
            Preset small = load(SITE_CONFIG).preset("vm-small").getOrElseThrow(f -> new AssertionError(f.message()));
            assertThat(List.of(small.cores(), small.memoryMb(), small.diskGb())).containsExactly(2, 2048, 10);
        }

        @Test
        @DisplayName("n2-push validates: pve node root-pve (image pve-9) with edge inside it")
        void n2Push() {
            Manifest manifest = manifest("n2-push");

            assertThat(manifest.nodes()).extracting(ManifestNode::name).containsExactly("root-pve", "edge");
            assertThat(manifest.nodes().get(0).type()).isEqualTo(NodeType.PVE);
            assertThat(manifest.nodes().get(0).image()).contains("pve-9");
            assertThat(manifest.nodes().get(1).parent()).contains("root-pve");
        }
    }
}
