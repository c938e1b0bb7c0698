package dev.homestak.core;

import static dev.homestak.core.SopsVectorTest.RECIPIENT;
import static dev.homestak.core.SopsVectorTest.SECRET;
import static dev.homestak.core.SopsVectorTest.VECTOR;
import static dev.homestak.core.SopsVectorTest.vector;
import static org.assertj.core.api.Assertions.assertThat;

import com.exceptionfactory.jagged.x25519.X25519KeyPairGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("SopsFile choosing and reporting keys")
class SopsKeysTest {

    static KeyPair freshKeyPair() throws Exception {
        return new X25519KeyPairGenerator().generateKeyPair();
    }

    static String privateKey(KeyPair pair) {
        return new String(pair.getPrivate().getEncoded(), StandardCharsets.US_ASCII);
    }

    @Nested
    @DisplayName("when the identity is not a recipient")
    class WrongKey {

        @Test
        @DisplayName("refuses, naming the file's recipient and the identity's public key but no private key")
        void wrongKey() throws Exception {
            KeyPair other = freshKeyPair();
            var ids = AgeIdentities.of(privateKey(other)).get();

            var result = SopsFile.decrypt(VECTOR, vector(), ids);

            assertThat(result.getLeft()).isInstanceOf(ConfigFailure.Decrypt.class);
            assertThat(result.getLeft().message())
                    .contains(RECIPIENT, other.getPublic().toString(), "is a recipient", "SOPS_AGE_KEY_FILE")
                    .doesNotContain(privateKey(other), SECRET);
        }

        @Test
        @DisplayName("still decrypts when a later identity matches")
        void laterMatches() throws Exception {
            var ids = AgeIdentities.of(privateKey(freshKeyPair())).get().and(SopsVectorTest.identity());

            var result = SopsFile.decrypt(VECTOR, vector(), ids);

            assertThat(result.get().get("stringData")).isEqualTo(Map.of("secret", SECRET));
        }
    }

    @Nested
    @DisplayName("when no identity is available")
    class NoKey {

        @Test
        @DisplayName("refuses, listing the three places keys are looked for and the recipient")
        void noKey(@TempDir Path home) throws IOException {
            var ids = AgeIdentities.discover(Map.of(), home);

            var result = SopsFile.decrypt(VECTOR, vector(), ids);

            assertThat(result.getLeft().message())
                    .contains(
                            "no age identity found",
                            "SOPS_AGE_KEY_FILE",
                            "SOPS_AGE_KEY,",
                            "~/.config/sops/age/keys.txt",
                            RECIPIENT);
        }

        @Test
        @DisplayName("reports discovery problems too, so a mistyped path is visible")
        void withProblems(@TempDir Path home) throws IOException {
            var ids = AgeIdentities.discover(
                    Map.of("SOPS_AGE_KEY_FILE", home.resolve("nope.txt").toString()), home);

            var result = SopsFile.decrypt(VECTOR, vector(), ids);

            assertThat(result.getLeft().message()).contains("nope.txt", "does not exist");
        }
    }

    @Nested
    @DisplayName("when the file uses other key types")
    class OtherKeyTypes {

        @Test
        @DisplayName("a pgp-only file is refused saying only age is supported")
        void pgpOnly() throws IOException {
            String pgpOnly = vector().replaceAll("(?s)    age:\\n.*?END AGE ENCRYPTED FILE-----\\n", "")
                    .replace("    pgp: []", "    pgp:\n        - fp: 0123456789ABCDEF\n          enc: x");

            var result = SopsFile.decrypt(VECTOR, pgpOnly, SopsVectorTest.identity());

            assertThat(result.getLeft().message()).contains("encrypted only for pgp", "age keys only");
        }

        @Test
        @DisplayName("Shamir key groups are refused as unsupported")
        void keyGroups() throws IOException {
            String grouped = vector().replace("    pgp: []", "    key_groups:\n        - age: []\n        - age: []");

            var result = SopsFile.decrypt(VECTOR, grouped, SopsVectorTest.identity());

            assertThat(result.getLeft().message()).contains("key_groups", "not support");
        }
    }

    @Nested
    @DisplayName("secrets never leak")
    class NoLeaks {

        @Test
        @DisplayName("identities render as public keys only")
        void identitiesToString() throws Exception {
            String key = Files.readString(SopsVectorTest.IDENTITY);
            var ids = SopsVectorTest.identity();

            assertThat(ids.toString()).contains(RECIPIENT).doesNotContain("AGE-SECRET-KEY");
            assertThat(ids.identities().getFirst().toString()).doesNotContain("AGE-SECRET-KEY");
            assertThat(key).contains("AGE-SECRET-KEY-1"); // the fixture does hold a private key
        }

        @Test
        @DisplayName("no failure over the tampered variants shows the plaintext or the private key")
        void failures() throws IOException {
            String v = vector();
            var variants = new String[] {
                v.replace("data:RwzrBF8wy16", "data:RwzrBF8wy17"),
                v.replace("name: sops-age", "name: x"),
                v.replace("data:oaM8", "data:oaM9"),
            };
            for (String variant : variants) {
                String message = SopsFile.decrypt(VECTOR, variant, SopsVectorTest.identity())
                        .getLeft()
                        .message();
                assertThat(message)
                        .doesNotContain(
                                SECRET, "AGE-SECRET-KEY", "RH87A5Z54ZGUR9S0AS3R6WHFSEFNPLYMAKF5Z2CEU7R06VRJ0A3Q7242AM");
            }
        }
    }
}
