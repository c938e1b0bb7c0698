package dev.homestak.actions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.actions.SshHostSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("~/.ssh/config lines as ssh_config(5) reads them")
class OpenSshConfigTest {

    @TempDir
    Path tmp;

    @Test
    @DisplayName("keyword=value, 'keyword = value', quotes and case-insensitive keywords")
    void words() {
        assertThat(OpenSshConfig.words("Port=2222")).containsExactly("Port", "2222");
        assertThat(OpenSshConfig.words("  port = 2222")).containsExactly("port", "2222");
        assertThat(OpenSshConfig.words("IdentityFile \"~/my keys/id\""))
                .containsExactly("IdentityFile", "~/my keys/id");
        assertThat(OpenSshConfig.words("# a comment")).isEmpty();
        assertThat(OpenSshConfig.words("   ")).isEmpty();
    }

    @Test
    @DisplayName("options before any Host apply to all; a Match block's options are skipped; ProxyJump none is no jump")
    void blocks() throws Exception {
        Path file = Files.writeString(tmp.resolve("config"), """
                USER everyone
                Match host pve
                  Port 9999
                Host pve
                  proxyjump none
                  HOSTNAME 10.0.0.5
                """);
        SshHostSettings pve = OpenSshConfig.read(file, tmp).resolve("pve", "root");
        assertThat(pve.user()).contains("everyone");
        assertThat(pve.port()).isEmpty();
        assertThat(pve.proxyJump()).isEmpty();
        assertThat(pve.hostName()).isEqualTo("10.0.0.5");
        assertThat(pve.matched()).containsExactly(file + ":0 (before any Host)", file + ":4 Host pve");
    }
}
