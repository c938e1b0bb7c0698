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

@DisplayName("secrets.yaml: plaintext is read, SOPS-encrypted is decrypted, problems never show a secret")
class SecretsLoadingTest {

    private static final String ENCRYPTED = """
            api_tokens:
                pve: ENC[AES256_GCM,data:AAAA,iv:BBBB,tag:CCCC,type:str]
            sops:
                age:
                    - recipient: age19g7xlyf8fndus5zzh72w7hlac28fzefwasa2rh6aju74eyh2tq8q2jhc2g
                      enc: |
                        -----BEGIN AGE ENCRYPTED FILE-----
                        -----END AGE ENCRYPTED FILE-----
                mac: ENC[AES256_GCM,data:DDDD,iv:EEEE,tag:FFFF,type:str]
                version: 3.11.0
            """;

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

    @Nested
    @DisplayName("when the secrets are still encrypted and no age key is available")
    class NotDecrypted {
        @Test
        @DisplayName("a secrets.yaml carrying a sops block fails to load, naming the file")
        void sopsBlock() {
            Fixtures.write(site.resolve("secrets.yaml"), ENCRYPTED);
            ConfigFailure f = loadFailure();
            assertThat(f).isInstanceOf(ConfigFailure.Decrypt.class);
            assertThat(f.message()).startsWith(site.resolve("secrets.yaml") + ": cannot decrypt: ");
        }

        @Test
        @DisplayName("only secrets.yaml.enc present: it is the one decrypted")
        void encOnly() throws IOException {
            Files.delete(site.resolve("secrets.yaml"));
            Fixtures.write(site.resolve("secrets.yaml.enc"), ENCRYPTED);
            assertThat(loadFailure().message()).startsWith(site.resolve("secrets.yaml.enc") + ": cannot decrypt: ");
        }
    }

    @Test
    @DisplayName("a plaintext secrets.yaml next to secrets.yaml.enc wins (it is what 'make decrypt' wrote)")
    void plaintextWins() {
        Fixtures.write(site.resolve("secrets.yaml.enc"), ENCRYPTED);
        SiteConfig config = SiteConfig.load(site, Fixtures.isolated(tmp)).get();
        assertThat(config.secrets().apiToken("pve")).isPresent();
        assertThat(config.secrets().file()).isEqualTo(site.resolve("secrets.yaml"));
    }

    @Test
    @DisplayName("a secret of the wrong type is reported by file, line and key, without its value")
    void wrongTypeHidesValue() {
        Fixtures.write(
                site.resolve("secrets.yaml"),
                "api_tokens:\n  pve: [hunter2-secret]\npasswords:\n  vm_root: 12345678\n");
        ConfigFailure f = loadFailure();
        assertThat(f.message())
                .contains(site.resolve("secrets.yaml") + ":2: 'api_tokens.pve' must be a string, not a list")
                .contains(site.resolve("secrets.yaml") + ":4: 'passwords.vm_root' must be a string, not a number")
                .doesNotContain("hunter2")
                .doesNotContain("12345678");
    }

    @Test
    @DisplayName("a YAML syntax error in secrets.yaml does not quote the offending line")
    void syntaxErrorHidesLine() {
        Fixtures.write(site.resolve("secrets.yaml"), "api_tokens:\n  pve: \"root@pam!tofu=hunter2\n");
        ConfigFailure f = loadFailure();
        assertThat(f).isInstanceOf(ConfigFailure.Parse.class);
        assertThat(f.message()).startsWith(site.resolve("secrets.yaml") + ":").doesNotContain("hunter2");
    }

    @Test
    @DisplayName("secrets.yaml that is a directory is unreadable, not silently empty")
    void directory() throws IOException {
        Files.delete(site.resolve("secrets.yaml"));
        Files.createDirectories(site.resolve("secrets.yaml"));
        assertThat(loadFailure().message())
                .isEqualTo(site.resolve("secrets.yaml") + ": cannot read: it is a directory, not a file");
    }
}
