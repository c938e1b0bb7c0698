package dev.homestak.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The fixture site-config of the original loads into typed, merged host configs")
class SiteConfigLoadTest {

    private static final String PVE_TOKEN = "root@pam!tofu=00000000-0000-4000-8000-000000000001";
    private static final String KEY_ONE =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFixtureKeyOnlyForTestsAAAAAAAAAAAAAAAAAAAA admin@workstation";

    private static SiteConfig site;

    @BeforeAll
    static void load(@TempDir Path tmp) {
        Either<ConfigFailure, SiteConfig> loaded = SiteConfig.load(Fixtures.siteConfig(), Fixtures.isolated(tmp));
        assertThat(loaded.isRight())
                .as(() -> loaded.swap().map(ConfigFailure::message).getOrElse(""))
                .isTrue();
        site = loaded.get();
    }

    @Test
    @DisplayName("primary keys come from file names: hosts = nodes ∪ hosts, envs, templates, presets")
    void primaryKeys() {
        assertThat(site.hostNames()).containsExactly("mother", "nested-pve", "pve");
        assertThat(site.nodes()).containsOnlyKeys("mother", "nested-pve", "pve");
        assertThat(site.hosts()).containsOnlyKeys("pve");
        assertThat(site.envNames()).containsExactly("ansible-test", "dev", "k8s", "nested-pve", "test");
        assertThat(site.templates()).containsOnlyKeys("nested-pve", "test", "test13");
        assertThat(site.presets()).containsOnlyKeys("large", "medium", "small", "xlarge", "xsmall");
        assertThat(site.templates().get("test").preset()).contains("small");
        assertThat(site.templates().get("test").values())
                .containsExactly(java.util.Map.entry("image", "debian-12"), java.util.Map.entry("disk", 10));
    }

    @Nested
    @DisplayName("node pve")
    class Pve {
        @Test
        @DisplayName("merges node file, site defaults and secrets; ssh_host is the api_endpoint's hostname")
        void merged() {
            HostConfig pve = site.host("pve").get();
            assertThat(pve.hostOnly()).isFalse();
            assertThat(pve.nodeName()).isEqualTo("pve");
            assertThat(pve.apiEndpoint()).contains(URI.create("https://localhost:8006"));
            assertThat(pve.sshHost()).isEqualTo("localhost");
            assertThat(pve.apiTokenKey()).isEqualTo("pve");
            assertThat(pve.requireApiToken().map(Secret::reveal)).containsExactly(PVE_TOKEN);
            assertThat(pve.sshUser()).isEqualTo("root");
            assertThat(pve.datastore()).isEqualTo("local-zfs");
            assertThat(pve.ip()).contains("10.0.0.1");
            assertThat(pve.siteDefaults())
                    .containsEntry("timezone", "America/Denver")
                    .containsEntry("domain", "local");
            assertThat(pve.rootPassword().map(Secret::reveal).orElseThrow()).startsWith("$6$fixture$");
            assertThat(pve.sshKeys()).hasSize(2).first().isEqualTo(KEY_ONE);
        }

        @Test
        @DisplayName("new keys take their defaults: provisioner tofu, verified TLS, VM SSH port 22")
        void newKeyDefaults() {
            HostConfig pve = site.host("pve").get();
            assertThat(pve.provisioner()).isEqualTo(Provisioner.TOFU);
            assertThat(pve.tlsFingerprint()).isEmpty();
            assertThat(pve.tlsCaFile()).isEmpty();
            assertThat(pve.insecure()).isFalse();
            assertThat(pve.vmSshPort()).isEqualTo(22);
        }
    }

    @Test
    @DisplayName("node nested-pve: its own datastore wins over the site's, its parent and token FK are kept")
    void nestedPve() {
        HostConfig nested = site.host("nested-pve").get();
        assertThat(nested.datastore()).isEqualTo("local");
        assertThat(nested.parentNode()).contains("pve");
        assertThat(nested.requireApiToken().map(Secret::reveal))
                .containsExactly("root@pam!tofu=00000000-0000-4000-8000-000000000003");
    }

    @Test
    @DisplayName("node mother: ssh_host from a numeric api_endpoint, token by FK")
    void mother() {
        HostConfig mother = site.host("mother").get();
        assertThat(mother.sshHost()).isEqualTo("10.0.12.62");
        assertThat(mother.datastore()).isEqualTo("local-zfs");
        assertThat(mother.requireApiToken().map(Secret::reveal))
                .containsExactly("root@pam!tofu=00000000-0000-4000-8000-000000000002");
    }

    @Test
    @DisplayName("hosts/pve.yaml is an SSH-only host with the user from access.ssh_user")
    void hostOnly() {
        HostConfig host = site.hosts().get("pve");
        assertThat(host.hostOnly()).isTrue();
        assertThat(host.sshUser()).isEqualTo("root");
        assertThat(host.apiEndpoint()).isEmpty();
        assertThat(host.requireApiToken().swap().get().message()).contains("SSH-only host");
    }

    @Test
    @DisplayName("unknown host: the failure lists the available hosts and says which file to create")
    void unknownHost() {
        ConfigFailure failure = site.host("nope").swap().get();
        assertThat(failure).isInstanceOf(ConfigFailure.Unknown.class);
        assertThat(failure.message())
                .startsWith("unknown host 'nope' (available: mother, nested-pve, pve): create ")
                .contains("nodes/nope.yaml")
                .contains("hosts/nope.yaml");
    }

    @Test
    @DisplayName("toString of configs and secrets never shows a secret value")
    void noSecretsInToString() {
        String text = site.toString() + site.host("pve").get() + site.secrets();
        assertThat(text)
                .doesNotContain(PVE_TOKEN)
                .doesNotContain("$6$fixture")
                .doesNotContain("00000000-0000")
                .contains("***");
    }
}
