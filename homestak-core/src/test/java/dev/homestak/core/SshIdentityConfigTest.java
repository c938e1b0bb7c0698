package dev.homestak.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("ssh_identity: site.yaml defaults, overridden per node or host")
class SshIdentityConfigTest {

    @TempDir
    Path tmp;

    Path site;

    @BeforeEach
    void copy() throws Exception {
        site = Fixtures.copySiteConfig(tmp.resolve("site-config"));
        String yaml = Files.readString(site.resolve("site.yaml"));
        Fixtures.write(
                site.resolve("site.yaml"),
                yaml.replace("  ssh_user: root\n", "  ssh_user: root\n  ssh_identity: ~/.ssh/homelab_ed25519\n"));
    }

    private SiteConfig loaded() {
        return SiteConfig.load(site, Fixtures.isolated(tmp)).getOrElseThrow(f -> new AssertionError(f.message()));
    }

    @Test
    @DisplayName(
            "every node and host gets the site default; a node's own (a list) replaces it; ~ and relative paths resolve")
    void defaultsAndOverride() throws Exception {
        String node = Files.readString(site.resolve("nodes/mother.yaml"));
        Fixtures.write(site.resolve("nodes/mother.yaml"), node + "\nssh_identity: [~/.ssh/mother, keys/mother_rsa]\n");
        SiteConfig config = loaded();
        Path home = tmp.resolve("home");

        assertThat(config.host("pve").get().sshIdentityFiles(home, site))
                .containsExactly(home.resolve(".ssh/homelab_ed25519"));
        assertThat(config.host("mother").get().sshIdentities()).containsExactly("~/.ssh/mother", "keys/mother_rsa");
        assertThat(config.host("mother").get().sshIdentityFiles(home, site))
                .containsExactly(home.resolve(".ssh/mother"), site.resolve("keys/mother_rsa"));
    }

    @Test
    @DisplayName("a value that is neither a file name nor a list of them is one failure naming file, line and key")
    void badValue() {
        String node = "api_endpoint: https://localhost:8006\nssh_identity:\n  file: ~/.ssh/x\n";
        Fixtures.write(site.resolve("nodes/mother.yaml"), node);
        ConfigFailure failure = SiteConfig.load(site, Fixtures.isolated(tmp)).getLeft();
        assertThat(failure.message()).contains("nodes/mother.yaml:2", "ssh_identity", "must be a file name or a list");
    }
}
