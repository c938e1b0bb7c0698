package dev.homestak.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Node keys added by homestak: provisioner, tls_fingerprint, tls_ca_file, insecure, vm_ssh_port")
class NodeKeysTest {

    private static final String FINGERPRINT =
            "ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89";

    @TempDir
    Path tmp;

    Path site;

    @BeforeEach
    void copy() {
        site = Fixtures.copySiteConfig(tmp.resolve("site-config"));
    }

    private void node(String extra) {
        Fixtures.write(
                site.resolve("nodes/pve.yaml"), "api_endpoint: https://pve.example:8006\napi_token: pve\n" + extra);
    }

    private ConfigFailure loadFailure() {
        var loaded = SiteConfig.load(site, Fixtures.isolated(tmp));
        assertThat(loaded.isLeft()).as("load must fail").isTrue();
        return loaded.getLeft();
    }

    @Test
    @DisplayName("valid values are bound; the fingerprint is normalised to upper case, the CA file resolved")
    void valid() {
        Fixtures.write(site.resolve("tls/pve-ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        node("provisioner: api\ntls_fingerprint: " + FINGERPRINT + "\ntls_ca_file: tls/pve-ca.pem\ninsecure: true\n"
                + "vm_ssh_port: 2222\nssh_user: admin\ndatastore: tank\nnode: pve1\n");
        HostConfig pve =
                SiteConfig.load(site, Fixtures.isolated(tmp)).get().host("pve").get();
        assertThat(pve.provisioner()).isEqualTo(Provisioner.API);
        assertThat(pve.tlsFingerprint()).contains(FINGERPRINT.toUpperCase(java.util.Locale.ROOT));
        assertThat(pve.tlsCaFile()).contains(site.resolve("tls/pve-ca.pem"));
        assertThat(pve.insecure()).isTrue();
        assertThat(pve.vmSshPort()).isEqualTo(2222);
        assertThat(pve.sshUser()).as("node wins over site defaults").isEqualTo("admin");
        assertThat(pve.datastore()).isEqualTo("tank");
        assertThat(pve.nodeName()).isEqualTo("pve1");
        assertThat(pve.sshHost()).isEqualTo("pve.example");
    }

    @Nested
    @DisplayName("invalid values name file, line and key")
    class Invalid {
        @Test
        @DisplayName("provisioner other than tofu or api")
        void provisioner() {
            node("provisioner: terraform\n");
            assertThat(loadFailure().message())
                    .isEqualTo(site.resolve("nodes/pve.yaml")
                            + ":3: 'provisioner' must be 'tofu' or 'api', not 'terraform'");
        }

        @Test
        @DisplayName("a fingerprint that is not 32 hex pairs")
        void fingerprint() {
            node("tls_fingerprint: AB:CD\n");
            assertThat(loadFailure().message())
                    .startsWith(
                            site.resolve("nodes/pve.yaml")
                                    + ":3: 'tls_fingerprint' must be the SHA-256 certificate fingerprint as 32 hex pairs AA:BB:...");
        }

        @Test
        @DisplayName("a CA file that does not exist")
        void caFile() {
            node("tls_ca_file: tls/missing.pem\n");
            assertThat(loadFailure().message())
                    .isEqualTo(site.resolve("nodes/pve.yaml") + ":3: 'tls_ca_file' names "
                            + site.resolve("tls/missing.pem") + ", which is not a file");
        }

        @Test
        @DisplayName("insecure that is not a boolean, a port out of range")
        void insecureAndPort() {
            node("insecure: maybe\nvm_ssh_port: 70000\n");
            assertThat(loadFailure().message())
                    .contains(site.resolve("nodes/pve.yaml") + ":3: 'insecure' must be true or false, not text")
                    .contains(
                            site.resolve("nodes/pve.yaml") + ":4: 'vm_ssh_port' must be a TCP port 1-65535, not 70000");
        }

        @Test
        @DisplayName("a missing or malformed api_endpoint")
        void endpoint() {
            Fixtures.write(site.resolve("nodes/pve.yaml"), "api_token: pve\n");
            Fixtures.write(site.resolve("nodes/mother.yaml"), "api_endpoint: pve.example:8006\n");
            assertThat(loadFailure().message())
                    .contains(site.resolve("nodes/pve.yaml") + ": 'api_endpoint' is required: the PVE API URL")
                    .contains(site.resolve("nodes/mother.yaml")
                            + ":1: 'api_endpoint' must be an http(s) URL with a host");
        }
    }
}
