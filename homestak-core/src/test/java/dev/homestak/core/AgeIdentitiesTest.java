package dev.homestak.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("AgeIdentities")
class AgeIdentitiesTest {

    @TempDir
    Path home;

    KeyPair fileKey;
    KeyPair inlineKey;
    KeyPair configKey;

    @BeforeEach
    void keys() throws Exception {
        fileKey = SopsKeysTest.freshKeyPair();
        inlineKey = SopsKeysTest.freshKeyPair();
        configKey = SopsKeysTest.freshKeyPair();
    }

    private static String pub(KeyPair pair) {
        return pair.getPublic().toString();
    }

    private static String priv(KeyPair pair) {
        return SopsKeysTest.privateKey(pair);
    }

    private Path writeConfigKeys(Path configHome) throws IOException {
        Path keys = configHome.resolve("sops/age/keys.txt");
        Files.createDirectories(keys.getParent());
        return Files.writeString(
                keys, "# created: today\n# public key: " + pub(configKey) + "\n" + priv(configKey) + "\n");
    }

    @Nested
    @DisplayName("discover")
    class Discover {

        @Test
        @DisplayName("reads SOPS_AGE_KEY_FILE")
        void keyFile() throws IOException {
            Path file = Files.writeString(home.resolve("k.txt"), priv(fileKey) + "\n");

            var ids = AgeIdentities.discover(Map.of("SOPS_AGE_KEY_FILE", file.toString()), home);

            assertThat(ids.publicKeys()).containsExactly(pub(fileKey));
            assertThat(ids.problems()).isEmpty();
        }

        @Test
        @DisplayName("reads SOPS_AGE_KEY, several keys and comments included")
        void inline() {
            String text = "# mine\n" + priv(inlineKey) + "\n\n  " + priv(fileKey) + "  \n";

            var ids = AgeIdentities.discover(Map.of("SOPS_AGE_KEY", text), home);

            assertThat(ids.publicKeys()).containsExactly(pub(inlineKey), pub(fileKey));
        }

        @Test
        @DisplayName("reads <home>/.config/sops/age/keys.txt")
        void configFile() throws IOException {
            writeConfigKeys(home.resolve(".config"));

            var ids = AgeIdentities.discover(Map.of(), home);

            assertThat(ids.publicKeys()).containsExactly(pub(configKey));
        }

        @Test
        @DisplayName("reads $XDG_CONFIG_HOME/sops/age/keys.txt instead when XDG_CONFIG_HOME is set")
        void xdg() throws IOException {
            writeConfigKeys(home.resolve("xdg"));

            var ids = AgeIdentities.discover(
                    Map.of("XDG_CONFIG_HOME", home.resolve("xdg").toString()), home);

            assertThat(ids.publicKeys()).containsExactly(pub(configKey));
        }

        @Test
        @DisplayName("collects all three places like sops, tried in the order key file, inline key, keys.txt")
        void precedence() throws IOException {
            Path file = Files.writeString(home.resolve("k.txt"), priv(fileKey));
            writeConfigKeys(home.resolve(".config"));

            var ids = AgeIdentities.discover(
                    Map.of("SOPS_AGE_KEY", priv(inlineKey), "SOPS_AGE_KEY_FILE", file.toString()), home);

            assertThat(ids.publicKeys()).containsExactly(pub(fileKey), pub(inlineKey), pub(configKey));
        }

        @Test
        @DisplayName("finds nothing without error when no place has keys")
        void nothing() {
            var ids = AgeIdentities.discover(Map.of(), home);

            assertThat(ids.isEmpty()).isTrue();
            assertThat(ids.problems()).isEmpty();
        }

        @Test
        @DisplayName("records a malformed line by place and line number, without echoing it, and keeps good keys")
        void malformed() {
            String broken = priv(fileKey).substring(0, 40) + "QQQQ";
            String text = priv(inlineKey) + "\n" + broken + "\nssh-ed25519 AAAA\n";

            var ids = AgeIdentities.discover(Map.of("SOPS_AGE_KEY", text), home);

            assertThat(ids.publicKeys()).containsExactly(pub(inlineKey));
            assertThat(ids.problems()).hasSize(2);
            assertThat(ids.problems().get(0)).startsWith("SOPS_AGE_KEY:2: malformed age identity");
            assertThat(ids.problems().get(1)).startsWith("SOPS_AGE_KEY:3: not an age identity");
            assertThat(String.join("\n", ids.problems())).doesNotContain(broken, "AAAA");
        }

        @Test
        @DisplayName("records a SOPS_AGE_KEY_FILE that does not exist")
        void missingKeyFile() {
            var ids = AgeIdentities.discover(Map.of("SOPS_AGE_KEY_FILE", "/nonexistent/keys.txt"), home);

            assertThat(ids.isEmpty()).isTrue();
            assertThat(ids.problems()).containsExactly("SOPS_AGE_KEY_FILE /nonexistent/keys.txt: file does not exist");
        }
    }

    @Nested
    @DisplayName("explicit keys")
    class Explicit {

        @Test
        @DisplayName("of(text) parses keys and fails on a malformed line naming the line")
        void of() {
            assertThat(AgeIdentities.of(priv(inlineKey)).get().publicKeys()).containsExactly(pub(inlineKey));

            var failure = AgeIdentities.of("# c\nAGE-SECRET-KEY-1NOPE\n").getLeft();

            assertThat(failure).isInstanceOf(ConfigFailure.Invalid.class);
            assertThat(failure.message())
                    .contains(":2:", "malformed age identity")
                    .doesNotContain("NOPE");
        }

        @Test
        @DisplayName("fromFile reads a keys file and reports a missing one as Missing")
        void fromFile() throws IOException {
            Path file = writeConfigKeys(home);

            assertThat(AgeIdentities.fromFile(file).get().publicKeys()).containsExactly(pub(configKey));
            assertThat(AgeIdentities.fromFile(home.resolve("none.txt")).getLeft())
                    .isInstanceOf(ConfigFailure.Missing.class);
        }

        @Test
        @DisplayName("toString shows public keys, never private ones")
        void toStringMasks() {
            var ids = AgeIdentities.of(priv(inlineKey)).get();

            assertThat(ids.toString())
                    .isEqualTo("AgeIdentities[" + pub(inlineKey) + "]")
                    .doesNotContain(priv(inlineKey));
        }
    }
}
