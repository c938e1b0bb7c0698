package dev.homestak.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName(
        "Today's site-config layout: presets/, manifests/, specs/, postures/, renamed site.yaml keys, auth.signing_key")
class SiteLayoutTest {

    @TempDir
    Path tmp;

    static Path v2() {
        return Fixtures.shared().resolve("fixtures/site-config-v2");
    }

    private SiteConfig load(Path root) {
        return SiteConfig.load(root, Fixtures.isolated(tmp)).get();
    }

    private ConfigFailure fail(Path root) {
        return SiteConfig.load(root, Fixtures.isolated(tmp)).getLeft();
    }

    /** A copy of the v2 fixture that a test may change. */
    private Path copyV2() {
        Path target = tmp.resolve("config");
        try (Stream<Path> files = Files.walk(v2())) {
            for (Path p : files.sorted(Comparator.naturalOrder()).toList()) {
                Path dest = target.resolve(v2().relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Nested
    @DisplayName("the v2 fixture (no site.yaml, secrets or nodes)")
    class V2Fixture {
        @Test
        @DisplayName("loads, with its presets checked and its manifests, specs and postures listed")
        void loads() {
            SiteConfig site = load(v2());
            assertThat(site.nodes()).isEmpty();
            assertThat(site.envs()).isEmpty();
            assertThat(site.catalog().presets().values())
                    .containsExactly(
                            Preset.of("vm-large", 4, 8192, 40),
                            Preset.of("vm-medium", 2, 4096, 20),
                            Preset.of("vm-small", 2, 2048, 10),
                            Preset.of("vm-xlarge", 8, 16384, 80),
                            Preset.of("vm-xsmall", 1, 1024, 8));
            assertThat(site.catalog().manifestNames())
                    .containsExactly("n1-pull", "n1-push", "n2-pull", "n2-push", "n3-deep");
            assertThat(site.catalog().specs()).containsOnlyKeys("base", "pve");
            assertThat(site.catalog().postures()).containsOnlyKeys("dev", "local", "prod", "stage");
            assertThat(site.secrets().signingKey()).isEmpty();
            assertThat(site.notices()).isEmpty();
        }

        @Test
        @DisplayName("site.yaml.example as site.yaml: today's keys, typed, with no notice")
        void currentKeys() throws IOException {
            Path root = copyV2();
            Files.copy(root.resolve("site.yaml.example"), root.resolve("site.yaml"));
            SiteConfig site = load(root);
            SiteSettings s = site.settings();
            assertThat(s.hostUser()).contains("root");
            assertThat(s.vmUser()).contains("homestak");
            assertThat(s.serverUrl()).as("empty text is not set").isEmpty();
            assertThat(s.bridge()).contains("vmbr0");
            assertThat(s.timezone()).contains("America/Denver");
            assertThat(s.packages()).startsWith("htop", "curl").hasSize(9);
            assertThat(s.dnsServers()).isEmpty();
            assertThat(site.notices()).isEmpty();
        }
    }

    @Test
    @DisplayName("both layouts coexist: the seed's envs and nodes beside today's presets and manifests")
    void bothLayouts() throws IOException {
        Path root = Fixtures.copySiteConfig(tmp.resolve("both"));
        Fixtures.write(root.resolve("presets/vm-small.yaml"), "cores: 2\nmemory: 2048\ndisk: 10\n");
        Files.copy(
                v2().resolve("manifests/n1-push.yaml"),
                Files.createDirectories(root.resolve("manifests")).resolve("n1-push.yaml"));
        SiteConfig site = load(root);
        assertThat(site.envNames()).contains("test");
        assertThat(site.presets()).containsKey("small");
        assertThat(site.preset("vm-small").get()).isEqualTo(Preset.of("vm-small", 2, 2048, 10));
        assertThat(site.catalog().manifestNames()).containsExactly("n1-push");
    }

    @Nested
    @DisplayName("renamed site.yaml keys")
    class Renamed {
        @Test
        @DisplayName("the old names are read as today's, each with a one-line notice naming file, line and both names")
        void oldNames() throws IOException {
            Path root = Files.createDirectories(tmp.resolve("old"));
            Fixtures.write(
                    root.resolve("site.yaml"),
                    "defaults:\n  ssh_user: admin\n  automation_user: ops\n"
                            + "  spec_server: https://ctl:44443\n  packer_release: v0.40\n");
            SiteConfig site = load(root);
            assertThat(site.settings())
                    .extracting(
                            SiteSettings::hostUser,
                            SiteSettings::vmUser,
                            SiteSettings::serverUrl,
                            SiteSettings::imageRelease)
                    .containsExactly(
                            Optional.of("admin"),
                            Optional.of("ops"),
                            Optional.of("https://ctl:44443"),
                            Optional.of("v0.40"));
            Path file = root.resolve("site.yaml");
            assertThat(site.notices())
                    .containsExactly(
                            file
                                    + ":2: 'defaults.ssh_user' is the old name of 'host_user': read as host_user; rename it",
                            file
                                    + ":3: 'defaults.automation_user' is the old name of 'vm_user': read as vm_user; rename it",
                            file
                                    + ":4: 'defaults.spec_server' is the old name of 'server_url': read as server_url; rename it",
                            file
                                    + ":5: 'defaults.packer_release' is the old name of 'image_release': read as image_release; rename it");
        }

        @Test
        @DisplayName("today's host_user is the SSH user of the site's nodes, as ssh_user was")
        void hostUserReachesNodes() {
            Path root = Fixtures.copySiteConfig(tmp.resolve("seed"));
            Fixtures.write(root.resolve("site.yaml"), "defaults:\n  host_user: deploy\n");
            assertThat(load(root).node("mother").get().sshUser()).isEqualTo("deploy");
        }

        @Test
        @DisplayName("an old and a current name with different values is refused, saying which to keep")
        void conflict() throws IOException {
            Path root = Files.createDirectories(tmp.resolve("conflict"));
            Fixtures.write(root.resolve("site.yaml"), "defaults:\n  host_user: root\n  ssh_user: admin\n");
            assertThat(fail(root).message())
                    .isEqualTo(
                            root.resolve("site.yaml") + ":3: 'defaults.ssh_user' and "
                                    + "'defaults.host_user' (line 2) differ; 'ssh_user' is the old name of 'host_user': keep 'host_user' and remove 'ssh_user'");
        }

        @Test
        @DisplayName("the seed fixture's ssh_user gets its notice and loads unchanged")
        void seedFixture() {
            SiteConfig site = load(Fixtures.siteConfig());
            assertThat(site.notices())
                    .singleElement()
                    .asString()
                    .endsWith("site.yaml:8: 'defaults.ssh_user' is the old name "
                            + "of 'host_user': read as host_user; rename it");
            assertThat(site.siteDefaults()).containsOnlyKeys("timezone", "domain", "datastore", "ssh_user");
        }
    }

    @Nested
    @DisplayName("secrets.yaml auth.signing_key")
    class SigningKey {
        @Test
        @DisplayName("64 hex characters are a Secret that never prints")
        void read() throws IOException {
            Path root = Files.createDirectories(tmp.resolve("keyed"));
            String key = "ab".repeat(32);
            Fixtures.write(root.resolve("secrets.yaml"), "auth:\n  signing_key: \"" + key + "\"\n");
            Secrets secrets = load(root).secrets();
            assertThat(secrets.signingKey().map(Secret::reveal)).contains(key);
            assertThat(secrets.toString()).doesNotContain(key);
        }

        @Test
        @DisplayName("empty means not set (upstream generates it on first use)")
        void empty() throws IOException {
            Path root = Files.createDirectories(tmp.resolve("empty"));
            Fixtures.write(root.resolve("secrets.yaml"), "auth:\n  signing_key: \"\"\n");
            assertThat(load(root).secrets().signingKey()).isEmpty();
        }

        @Test
        @DisplayName("a malformed key is refused by its length, without its value")
        void malformed() throws IOException {
            Path root = Files.createDirectories(tmp.resolve("bad"));
            Fixtures.write(root.resolve("secrets.yaml"), "auth:\n  signing_key: not-hex-secret-value\n");
            String message = fail(root).message();
            assertThat(message)
                    .isEqualTo(
                            root.resolve("secrets.yaml") + ":2: 'auth.signing_key' must be 64 hex characters "
                                    + "(32 bytes), not 20 characters of another form: generate one with 'openssl rand -hex 32'");
            assertThat(message).doesNotContain("not-hex-secret-value");
        }
    }

    @Test
    @DisplayName("a preset without disk and with text for memory: both problems, with file and line")
    void badPreset() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("presets-bad"));
        Fixtures.write(root.resolve("presets/vm-odd.yaml"), "cores: 2\nmemory: lots\n");
        ConfigFailure f = fail(root);
        assertThat(f).isInstanceOf(ConfigFailure.Multiple.class);
        assertThat(((ConfigFailure.Multiple) f).failures())
                .extracting(ConfigFailure::message)
                .containsExactly(
                        root.resolve("presets/vm-odd.yaml") + ":2: 'memory' must be a whole number, not text",
                        root.resolve("presets/vm-odd.yaml") + ": 'disk' is required: add 'disk:' (disk size in GB)");
    }

    @Test
    @DisplayName("the manifest names of an empty catalog are none")
    void emptyCatalog() {
        assertThat(SiteCatalog.empty().manifestNames()).isEqualTo(List.of());
        assertThat(SiteCatalog.empty().isEmpty()).isTrue();
    }
}
