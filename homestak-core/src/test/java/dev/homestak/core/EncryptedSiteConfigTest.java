package dev.homestak.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName(
        "a site-config whose secrets.yaml is SOPS-encrypted loads end to end with the age key from the environment")
class EncryptedSiteConfigTest {

    static final String TOKEN = "root@pam!tofu=11111111-2222-4333-8444-555555555555";

    @Test
    @DisplayName(
            "SOPS_AGE_KEY_FILE pointing at the key: the node's token and the VM root password are the decrypted values")
    void decryptsSecretsOfASiteConfig(@TempDir Path dir) throws Exception {
        Path site = Fixtures.copySiteConfig(dir.resolve("site-config"));
        Map<String, Object> plain = new LinkedHashMap<>();
        plain.put("api_tokens", Map.of("pve", TOKEN));
        plain.put("passwords", Map.of("vm_root", "$6$encrypted$hash"));
        plain.put("ssh_keys", Map.of("me@laptop", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEncrypted me@laptop"));
        Files.writeString(
                site.resolve("secrets.yaml"),
                SopsTestEncryptor.encrypt(plain, SopsVectorTest.RECIPIENT, Map.of(), false));
        Path keyFile = Fixtures.shared().resolve("fixtures/sops/age-identity.txt");
        ConfigEnvironment env = new ConfigEnvironment(
                Map.of("SOPS_AGE_KEY_FILE", keyFile.toString()), dir, dir.resolve("home"), dir.resolve("opt"));

        HostConfig pve = SiteConfig.load(site, env).flatMap(s -> s.host("pve")).get();

        assertThat(pve.requireApiToken().get().reveal()).isEqualTo(TOKEN);
        assertThat(pve.rootPassword().orElseThrow().reveal()).isEqualTo("$6$encrypted$hash");
        assertThat(pve.sshKeys()).containsExactly("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEncrypted me@laptop");
        assertThat(pve.toString()).doesNotContain(TOKEN);
    }

    @Test
    @DisplayName(
            "the same file without a key is refused with one line naming secrets.yaml and where keys are looked for")
    void refusesWithoutKey(@TempDir Path dir) throws Exception {
        Path site = Fixtures.copySiteConfig(dir.resolve("site-config"));
        Files.writeString(
                site.resolve("secrets.yaml"),
                SopsTestEncryptor.encrypt(
                        Map.of("api_tokens", Map.of("pve", TOKEN)), SopsVectorTest.RECIPIENT, Map.of(), false));

        ConfigFailure failure = SiteConfig.load(site, Fixtures.isolated(dir)).getLeft();

        assertThat(failure.message())
                .contains("secrets.yaml", "SOPS_AGE_KEY_FILE")
                .doesNotContain("\n")
                .doesNotContain(TOKEN);
    }
}
