package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.core.ConfigResolver;
import dev.homestak.core.HostConfig;
import dev.homestak.core.ResolvedEnv;
import dev.homestak.core.ResolvedVm;
import dev.homestak.core.SiteConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        @DisplayName("has the original's site defaults, VM presets xsmall to xlarge, envs and the test template")
        void layout() {
            SiteConfig site = load(SITE_CONFIG);
            assertThat(site.siteDefaults()).containsEntry("timezone", "America/Denver").containsEntry("domain", "local")
                    .containsEntry("datastore", "local-zfs").containsEntry("ssh_user", "root");
            assertThat(site.presets()).containsOnlyKeys("xsmall", "small", "medium", "large", "xlarge");
            assertThat(site.envs()).containsOnlyKeys("dev", "test");
            assertThat(site.templates()).containsOnlyKeys("test");
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
    @DisplayName("with secrets.yaml filled from secrets.yaml.example")
    class WithSecrets {

        @Test
        @DisplayName("resolves env test on ${nodeName}: preset small, template disk, vmid from vmid_base")
        void resolve(@TempDir Path tmp) throws IOException {
            Path dir = Files.createDirectories(tmp.resolve("site-config"));
            try (var files = Files.walk(SITE_CONFIG)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Path target = dir.resolve(SITE_CONFIG.relativize(f).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(f, target);
                }
            }
            Files.copy(dir.resolve("secrets.yaml.example"), dir.resolve("secrets.yaml"));

            ResolvedEnv env = ConfigResolver.of(load(dir)).resolveEnv("test", "${nodeName}")
                    .getOrElseThrow(f -> new AssertionError(f.message()));

            assertThat(env.datastore()).isEqualTo("${datastore}");
            assertThat(env.sshKeys()).hasSize(1);
            ResolvedVm vm = env.vms().get(0);
            assertThat(vm.name()).isEqualTo("test");
            assertThat(vm.vmid()).isEqualTo(Optional.of(99900));
            assertThat(vm.cores()).contains(2);
            assertThat(vm.memory()).contains(2048);
            assertThat(vm.disk()).contains(10);
            assertThat(env.toTfvarsJson(false)).contains("\"api_token\": \"***\"").doesNotContain("00000000-0000");
        }
    }
}
