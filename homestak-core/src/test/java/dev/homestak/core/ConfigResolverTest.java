package dev.homestak.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("ConfigResolver.resolveEnv produces the original's tfvars")
class ConfigResolverTest {

    private static final JsonMapper JSON = new JsonMapper();
    private static ConfigResolver resolver;

    @BeforeAll
    static void load(@TempDir Path tmp) {
        resolver = ConfigResolver.of(
                SiteConfig.load(Fixtures.siteConfig(), Fixtures.isolated(tmp)).get());
    }

    static Stream<Path> expectedFiles() throws IOException {
        try (Stream<Path> files = Files.list(Fixtures.expected())) {
            List<Path> list = files.filter(f -> f.toString().endsWith(".tfvars.json"))
                    .sorted()
                    .toList();
            assertThat(list).isNotEmpty();
            return list.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedFiles")
    @DisplayName("equals the expected <env>@<node>.tfvars.json field for field (secrets revealed)")
    void matchesExpected(Path expectedFile) throws IOException {
        String[] envAtNode = expectedFile
                .getFileName()
                .toString()
                .replace(".tfvars.json", "")
                .split("@");
        ResolvedEnv resolved = resolver.resolveEnv(envAtNode[0], envAtNode[1]).get();
        JsonNode actual = JSON.readTree(resolved.toTfvarsJson(true));
        assertThat(actual).isEqualTo(JSON.readTree(expectedFile.toFile()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedFiles")
    @DisplayName("renders the same text as Python's json.dump(indent=2), key order included")
    void sameText(Path expectedFile) throws IOException {
        String[] envAtNode = expectedFile
                .getFileName()
                .toString()
                .replace(".tfvars.json", "")
                .split("@");
        String text = resolver.resolveEnv(envAtNode[0], envAtNode[1]).get().toTfvarsJson(true);
        assertThat(text).isEqualTo(Files.readString(expectedFile));
    }

    @Nested
    @DisplayName("typed result")
    class Typed {
        @Test
        @DisplayName("merges preset → template → instance, vmid = vmid_base + index, bridge defaults to vmbr0")
        void ansibleTest() {
            ResolvedEnv env = resolver.resolveEnv("ansible-test", "nested-pve").get();
            assertThat(env.node()).isEqualTo("nested-pve");
            assertThat(env.datastore()).isEqualTo("local");
            assertThat(env.vms()).extracting(ResolvedVm::name).containsExactly("deb12-test", "deb13-test");
            ResolvedVm second = env.vms().get(1);
            assertThat(second.vmid()).contains(10101);
            assertThat(second.image()).contains("debian-13");
            assertThat(second.cores()).contains(2);
            assertThat(second.memory()).contains(2048);
            assertThat(second.disk()).contains(10);
            assertThat(second.bridge()).isEqualTo("vmbr0");
            assertThat(second.ip()).isEmpty();
            assertThat(second.gateway()).isEmpty();
            assertThat(second.packages()).isEmpty();
        }

        @Test
        @DisplayName("an env without VMs resolves to an empty vms list, rendered as []")
        void k8s() {
            ResolvedEnv env = resolver.resolveEnv("k8s", "pve").get();
            assertThat(env.vms()).isEmpty();
            assertThat(env.toTfvarsJson(false)).contains("\"vms\": []");
        }

        @Test
        @DisplayName("secrets are masked unless revealed, and never in toString")
        void masked() {
            ResolvedEnv env = resolver.resolveEnv("test", "pve").get();
            String masked = env.toTfvarsJson(false);
            assertThat(masked)
                    .contains("\"api_token\": \"***\"")
                    .contains("\"root_password\": \"***\"")
                    .doesNotContain("00000000-0000")
                    .doesNotContain("$6$fixture");
            assertThat(env.toString()).doesNotContain("00000000-0000").doesNotContain("$6$fixture");
            assertThat(env.toTfvars(true))
                    .containsEntry("api_token", env.apiToken().reveal());
        }
    }
}
