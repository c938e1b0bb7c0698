package dev.homestak.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("SopsFile reading the file written by the real sops 3.7.0")
class SopsVectorTest {

    static final Path DIR = Path.of(System.getProperty("homestak.shared", "../../shared"), "fixtures/sops");
    static final Path VECTOR = DIR.resolve("secret.age.yaml");
    static final Path IDENTITY = DIR.resolve("age-identity.txt");
    static final String RECIPIENT = "age1l44xcng8dqj32nlv6d930qvvrny05hglzcv9qpc7kxjc6902ma4qufys29";
    static final String SECRET = "my-sops-age-secret";

    static String vector() throws IOException {
        return Files.readString(VECTOR);
    }

    static AgeIdentities identity() {
        return AgeIdentities.fromFile(IDENTITY).get();
    }

    static Either<ConfigFailure, Map<String, Object>> decrypt(String yaml) {
        return SopsFile.decrypt(VECTOR, yaml, identity());
    }

    @Nested
    @DisplayName("with the matching age identity")
    class Matching {

        @Test
        @DisplayName("decrypts stringData.secret and keeps clear keys as they were, in order, without the sops block")
        void decrypts() throws IOException {
            Map<String, Object> doc = decrypt(vector()).get();

            assertThat(doc).containsOnlyKeys("apiVersion", "kind", "metadata", "stringData");
            assertThat(doc.keySet()).containsExactly("apiVersion", "kind", "metadata", "stringData");
            assertThat(doc).containsEntry("apiVersion", "v1").containsEntry("kind", "Secret");
            assertThat(doc.get("metadata")).isEqualTo(Map.of("name", "sops-age"));
            assertThat(doc.get("stringData")).isEqualTo(Map.of("secret", SECRET));
        }

        @Test
        @DisplayName("finds the identity through SOPS_AGE_KEY_FILE")
        void throughDiscovery(@org.junit.jupiter.api.io.TempDir Path home) throws IOException {
            var ids = AgeIdentities.discover(Map.of("SOPS_AGE_KEY_FILE", IDENTITY.toString()), home);

            var doc = SopsFile.decrypt(VECTOR, vector(), ids);

            assertThat(doc.get()).extracting(d -> d.get("stringData")).isEqualTo(Map.of("secret", SECRET));
        }

        @Test
        @DisplayName("recognises the parsed vector as encrypted and a plain map as not")
        void isEncrypted() {
            assertThat(SopsFile.isEncrypted(Map.of("sops", Map.of("mac", "x")))).isTrue();
            assertThat(SopsFile.isEncrypted(Map.of("apiVersion", "v1"))).isFalse();
            assertThat(SopsFile.isEncrypted(Map.of("sops", "just a string"))).isFalse();
        }

        @Test
        @DisplayName("refuses a document without a sops block")
        void plainFile() {
            var result = decrypt("a: 1\n");

            assertThat(result.getLeft()).isInstanceOf(ConfigFailure.Decrypt.class);
            assertThat(result.getLeft().message()).contains("not a SOPS-encrypted file");
        }

        @Test
        @DisplayName("reports broken YAML as a Parse failure with its line")
        void brokenYaml() {
            var result = decrypt("a: 1\nb: [unclosed\n");

            assertThat(result.getLeft())
                    .isInstanceOfSatisfying(
                            ConfigFailure.Parse.class, p -> assertThat(p.line()).isPositive());
            assertThat(result.getLeft().message()).contains("invalid YAML", "expected ',' or ']'");
        }
    }

    @Nested
    @DisplayName("with a tampered copy")
    class Tampered {

        private void assertRefused(Either<ConfigFailure, Map<String, Object>> result, String... expected) {
            assertThat(result.isLeft()).as("refused").isTrue();
            assertThat(result.getLeft()).isInstanceOf(ConfigFailure.Decrypt.class);
            assertThat(result.getLeft().message()).contains(expected).doesNotContain(SECRET);
        }

        @Test
        @DisplayName("one changed ciphertext character fails authentication of that value, named by key path")
        void ciphertext() throws IOException {
            String tampered = vector().replace("data:RwzrBF8wy16", "data:RwzrBF8wy17");

            assertRefused(decrypt(tampered), "'stringData.secret'", "failed authentication");
        }

        @Test
        @DisplayName("a moved value fails authentication because the key path is its additional data")
        void moved() throws IOException {
            String tampered = vector().replace("    secret: ENC", "    other: ENC");

            assertRefused(decrypt(tampered), "'stringData.other'", "failed authentication");
        }

        @Test
        @DisplayName("a changed clear value is a MAC mismatch")
        void clearValue() throws IOException {
            String tampered = vector().replace("name: sops-age", "name: sops-agf");

            assertRefused(decrypt(tampered), "MAC mismatch", "tampered");
        }

        @Test
        @DisplayName("an added clear key is a MAC mismatch")
        void addedKey() throws IOException {
            String tampered = vector().replace("kind: Secret\n", "kind: Secret\nextra: value\n");

            assertRefused(decrypt(tampered), "MAC mismatch");
        }

        @Test
        @DisplayName("a changed mac fails authentication of the MAC")
        void mac() throws IOException {
            String tampered = vector().replace("mac: ENC[AES256_GCM,data:oaM8", "mac: ENC[AES256_GCM,data:oaM9");

            assertRefused(decrypt(tampered), "MAC", "tampered");
        }

        @Test
        @DisplayName("a changed lastmodified fails authentication of the MAC")
        void lastModified() throws IOException {
            String tampered = vector().replace("2021-04-06T09:07:05Z", "2021-04-06T09:07:06Z");

            assertRefused(decrypt(tampered), "MAC", "lastmodified");
        }

        @Test
        @DisplayName("a removed mac is refused rather than skipped")
        void noMac() throws IOException {
            String tampered = vector().replaceAll("(?m)^    mac: .*\\n", "");

            assertRefused(decrypt(tampered), "no 'mac'");
        }

        @Test
        @DisplayName("a damaged age block is reported as corrupt for its recipient")
        void ageBlock() throws IOException {
            String tampered = vector().replace("bHRXV0o1K2ZDNm5Mem5S", "bHRXV0o1K2ZDNm5Mem5T");

            assertRefused(decrypt(tampered), RECIPIENT, "corrupt");
        }

        @Test
        @DisplayName("a value edited into clear text is refused, naming the path but not the value")
        void clearedValue() throws IOException {
            String tampered = vector().replaceAll("secret: ENC\\[.*]", "secret: plain-text-password");

            assertRefused(decrypt(tampered), "'stringData.secret'", "not a well-formed ENC");
            assertThat(decrypt(tampered).getLeft().message()).doesNotContain("plain-text-password");
        }
    }
}
