package dev.homestak.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Bad site-config input gives one clear failure naming file, line and key; nothing is half-loaded")
class BadInputTest {

    @TempDir
    Path tmp;

    Path site;

    @BeforeEach
    void copy() {
        site = Fixtures.copySiteConfig(tmp.resolve("site-config"));
    }

    private ConfigFailure loadFailure() {
        var loaded = SiteConfig.load(site, Fixtures.isolated(tmp));
        assertThat(loaded.isLeft())
                .as("load must fail, not return a partial config")
                .isTrue();
        return loaded.getLeft();
    }

    private SiteConfig loaded() {
        return SiteConfig.load(site, Fixtures.isolated(tmp)).get();
    }

    @Nested
    @DisplayName("YAML files")
    class Yaml {
        @Test
        @DisplayName("a syntax error is reported as file:line:column")
        void syntax() {
            Fixtures.write(
                    site.resolve("nodes/pve.yaml"),
                    "host: pve\napi_endpoint: [\"https://localhost:8006\"\napi_token: pve\n");
            ConfigFailure f = loadFailure();
            assertThat(f).isInstanceOf(ConfigFailure.Parse.class);
            assertThat(f.message())
                    .isEqualTo(
                            site.resolve("nodes/pve.yaml")
                                    + ":3:1: YAML syntax error: expected ',' or ']', but got <scalar> (while parsing a flow sequence)");
        }

        @Test
        @DisplayName("an empty file is reported with its path")
        void empty() {
            Fixtures.write(site.resolve("nodes/pve.yaml"), "# nothing here\n");
            assertThat(loadFailure().message())
                    .isEqualTo(site.resolve("nodes/pve.yaml")
                            + ": file is empty; expected a YAML mapping (write {} for an empty one)");
        }

        @Test
        @DisplayName("a top level that is a list is reported with file:line:column")
        void notMapping() {
            Fixtures.write(site.resolve("envs/test.yaml"), "- name: test\n");
            assertThat(loadFailure().message())
                    .isEqualTo(site.resolve("envs/test.yaml")
                            + ":1:1: expected a mapping of keys at the top level, found a list");
        }

        @Test
        @DisplayName("a duplicate key is reported at its second occurrence")
        void duplicate() {
            Fixtures.write(site.resolve("vms/test.yaml"), "image: debian-12\ndisk: 10\ndisk: 12\n");
            assertThat(loadFailure().message()).isEqualTo(site.resolve("vms/test.yaml") + ":3:1: duplicate key 'disk'");
        }

        @Test
        @DisplayName("a wrong type names file, line and key (cores: two)")
        void wrongType() {
            Fixtures.write(site.resolve("vms/test.yaml"), "image: debian-12\npreset: small\ncores: two\n");
            assertThat(loadFailure().message())
                    .isEqualTo(site.resolve("vms/test.yaml") + ":3: 'cores' must be a whole number, not text");
        }

        @Test
        @DisplayName(
                "an unreadable file (a directory in its place; tests run as root, so chmod 000 would not stop them)")
        void unreadable() throws IOException {
            Files.createDirectories(site.resolve("nodes/extra.yaml"));
            assertThat(loadFailure().message())
                    .isEqualTo(site.resolve("nodes/extra.yaml") + ": cannot read: it is a directory, not a file");
        }

        @Test
        @DisplayName("every problem of every file is reported at once")
        void collectsAll() {
            Fixtures.write(site.resolve("vms/test.yaml"), "image: debian-12\ncores: two\n");
            Fixtures.write(site.resolve("envs/dev.yaml"), "vmid_base: lots\nvms: []\n");
            ConfigFailure f = loadFailure();
            assertThat(f).isInstanceOf(ConfigFailure.Multiple.class);
            assertThat(f.message())
                    .startsWith("2 problems in site-config: ")
                    .contains(site.resolve("vms/test.yaml") + ":2: 'cores' must be a whole number, not text")
                    .contains(site.resolve("envs/dev.yaml") + ":1: 'vmid_base' must be a whole number, not text");
        }
    }

    @Nested
    @DisplayName("VM addresses")
    class Addresses {
        @Test
        @DisplayName("a static IP without prefix names the env file, line and key")
        void noPrefix() {
            Fixtures.write(
                    site.resolve("envs/test.yaml"),
                    "vmid_base: 99900\nvms:\n  - name: test\n    template: test\n    ip: 10.0.12.5\n");
            assertThat(loadFailure().message())
                    .isEqualTo(
                            site.resolve("envs/test.yaml") + ":5: 'vms[0].ip' is '10.0.12.5': "
                                    + "static IPs must use CIDR notation (e.g. '10.0.12.124/24'); use 'dhcp' for dynamic assignment");
        }

        @Test
        @DisplayName("octets over 255 and prefixes over 32 are invalid; dhcp and a CIDR are fine")
        void rules() {
            assertThat(VmBinder.ipProblem("dhcp")).isEmpty();
            assertThat(VmBinder.ipProblem("10.0.12.124/24")).isEmpty();
            assertThat(VmBinder.ipProblem("10.0.12.300/24")).isPresent();
            assertThat(VmBinder.ipProblem("10.0.12.1/33")).isPresent();
            assertThat(VmBinder.ipProblem("DHCP")).isPresent();
        }

        @Test
        @DisplayName("a valid static IP and site gateway/bridge defaults reach the tfvars")
        void validStatic() {
            Fixtures.write(
                    site.resolve("site.yaml"), "defaults:\n  ssh_user: root\n  bridge: vmbr1\n  gateway: 10.0.12.1\n");
            Fixtures.write(
                    site.resolve("envs/test.yaml"), "vms:\n  - name: test\n    template: test\n    ip: 10.0.12.5/24\n");
            ResolvedVm vm = ConfigResolver.of(loaded())
                    .resolveEnv("test", "pve")
                    .get()
                    .vms()
                    .get(0);
            assertThat(vm.ip()).contains("10.0.12.5/24");
            assertThat(vm.bridge()).isEqualTo("vmbr1");
            assertThat(vm.gateway()).contains("10.0.12.1");
            assertThat(vm.vmid()).as("no vmid_base: PVE assigns").isEmpty();
        }
    }

    @Nested
    @DisplayName("references")
    class References {
        @Test
        @DisplayName("an env naming a missing node fails, listing the nodes")
        void missingNode() {
            ConfigFailure f =
                    ConfigResolver.of(loaded()).resolveEnv("test", "ghost").getLeft();
            assertThat(f.message())
                    .isEqualTo(
                            "unknown node 'ghost' (available: mother, nested-pve, pve): node config not found: create "
                                    + site.resolve("nodes/ghost.yaml"));
        }

        @Test
        @DisplayName("a missing env fails, listing the envs")
        void missingEnv() {
            ConfigFailure f =
                    ConfigResolver.of(loaded()).resolveEnv("prod", "pve").getLeft();
            assertThat(f.message())
                    .startsWith("unknown env 'prod' (available: ansible-test, dev, k8s, nested-pve, test): ")
                    .contains("envs/prod.yaml");
        }

        @Test
        @DisplayName("an unknown template names the env file, line and key")
        void unknownTemplate() {
            Fixtures.write(
                    site.resolve("envs/test.yaml"), "vmid_base: 99900\nvms:\n  - name: test\n    template: tset\n");
            ConfigFailure f =
                    ConfigResolver.of(loaded()).resolveEnv("test", "pve").getLeft();
            assertThat(f.message())
                    .startsWith(site.resolve("envs/test.yaml") + ":4: 'vms[0].template' names unknown template 'tset' "
                            + "(available: nested-pve, test, test13): create ");
        }

        @Test
        @DisplayName("an unknown preset names the template file and key")
        void unknownPreset() {
            Fixtures.write(site.resolve("vms/test.yaml"), "image: debian-12\npreset: tiny\n");
            ConfigFailure f =
                    ConfigResolver.of(loaded()).resolveEnv("test", "pve").getLeft();
            assertThat(f.message())
                    .startsWith(site.resolve("vms/test.yaml") + ": 'preset' names unknown preset 'tiny' "
                            + "(available: large, medium, small, xlarge, xsmall)");
        }

        @Test
        @DisplayName("a token FK pointing at a missing secret loads, but fails when the token is needed")
        void missingSecret() {
            Fixtures.write(site.resolve("nodes/pve.yaml"), "api_endpoint: https://localhost:8006\napi_token: nosuch\n");
            SiteConfig config = loaded();
            String expected =
                    site.resolve("secrets.yaml") + ": 'api_tokens.nosuch' is not set, but node 'pve' needs it "
                            + "(pve.yaml api_token: nosuch): add the token to secrets.yaml, or run 'make decrypt' in the site-config";
            assertThat(config.host("pve").get().requireApiToken().getLeft().message())
                    .isEqualTo(expected);
            assertThat(ConfigResolver.of(config)
                            .resolveEnv("test", "pve")
                            .getLeft()
                            .message())
                    .isEqualTo(expected);
        }

        @Test
        @DisplayName("a missing secrets.yaml means no secrets; the node's token is then reported missing")
        void noSecretsFile() throws IOException {
            Files.delete(site.resolve("secrets.yaml"));
            SiteConfig config = loaded();
            assertThat(config.host("pve").get().sshKeys()).isEmpty();
            assertThat(config.host("pve").get().requireApiToken().getLeft().message())
                    .startsWith(site.resolve("secrets.yaml") + ": 'api_tokens.pve' is not set");
        }
    }
}
