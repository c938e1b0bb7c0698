package dev.homestak.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("SopsFile reading files produced by a test encryptor")
class SopsRoundTripTest {

    static final Path FILE = Path.of("secrets.yaml.enc");

    KeyPair pair;
    AgeIdentities ids;

    @BeforeEach
    void key() throws Exception {
        pair = SopsKeysTest.freshKeyPair();
        ids = AgeIdentities.of(SopsKeysTest.privateKey(pair)).get();
    }

    /** A document with every value type, nested maps and lists, and an _unencrypted key. */
    static Map<String, Object> plain() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("api_tokens", Map.of("pve", "root@pam!homestak=11111111-2222-3333-4444-555555555555"));
        doc.put("passwords", new LinkedHashMap<>(Map.of("vm_root", "hunter2")));
        doc.put("port", 8006);
        doc.put("big", 12345678901234L);
        doc.put("ratio", 2.5);
        doc.put("whole", 3.0);
        doc.put("enabled", true);
        doc.put("disabled", false);
        doc.put("ssh_keys", List.of("ssh-ed25519 AAAA one", Map.of("nested", List.of("deep", 7))));
        doc.put("empty", "");
        doc.put("note_unencrypted", "visible");
        doc.put("meta_unencrypted", Map.of("inner", "also visible"));
        return doc;
    }

    private String encrypt(Map<String, Object> doc, Map<String, Object> rule, boolean macOnlyEncrypted)
            throws Exception {
        return SopsTestEncryptor.encrypt(doc, pair.getPublic().toString(), rule, macOnlyEncrypted);
    }

    @Nested
    @DisplayName("with the default _unencrypted suffix")
    class DefaultSuffix {

        @Test
        @DisplayName("round-trips every type, nested lists and maps, MAC verified")
        void roundTrip() throws Exception {
            var result = SopsFile.decrypt(FILE, encrypt(plain(), Map.of(), false), ids);

            assertThat(result.get()).isEqualTo(plain());
            assertThat(result.get().keySet()).containsExactlyElementsOf(plain().keySet());
            assertThat(result.get().get("port")).isInstanceOf(Integer.class);
            assertThat(result.get().get("big")).isInstanceOf(Long.class);
            assertThat(result.get().get("whole")).isEqualTo(3.0);
        }

        @Test
        @DisplayName("leaves _unencrypted keys (and everything under them) in clear in the file")
        void clearInFile() throws Exception {
            String yaml = encrypt(plain(), Map.of(), false);

            assertThat(yaml).contains("visible", "also visible").doesNotContain("hunter2", "deep");
        }

        @Test
        @DisplayName("a changed _unencrypted value is a MAC mismatch")
        void tamperedClear() throws Exception {
            String yaml = encrypt(plain(), Map.of(), false).replace("also visible", "also changed");

            assertThat(SopsFile.decrypt(FILE, yaml, ids).getLeft().message()).contains("MAC mismatch");
        }

        @Test
        @DisplayName("a value moved into another list element keeps authenticating, as in sops (lists add no path)")
        void listOrder() throws Exception {
            Map<String, Object> doc = Map.of("list", List.of("a", "b"));
            String yaml = encrypt(doc, Map.of(), false);
            String[] lines = yaml.split("\n");
            String swapped = String.join("\n", swapListItems(lines)) + "\n";

            var result = SopsFile.decrypt(FILE, swapped, ids);

            // values authenticate, but the MAC (over document order) catches the swap
            assertThat(result.getLeft().message()).contains("MAC mismatch");
        }

        private static String[] swapListItems(String[] lines) {
            String[] copy = Arrays.copyOf(lines, lines.length);
            int first = -1;
            for (int i = 0; i < copy.length; i++) {
                if (copy[i].startsWith("- ") || copy[i].startsWith("  - ")) {
                    if (first < 0) {
                        first = i;
                    } else {
                        String t = copy[first];
                        copy[first] = copy[i];
                        copy[i] = t;
                        break;
                    }
                }
            }
            return copy;
        }
    }

    @Nested
    @DisplayName("with encrypted_regex")
    class EncryptedRegex {

        @Test
        @DisplayName("encrypts only matching keys, round-trips and verifies the MAC over all values")
        void roundTrip() throws Exception {
            String yaml = encrypt(plain(), Map.of("encrypted_regex", "^(api_tokens|passwords)$"), false);

            assertThat(yaml).contains("8006", "ssh-ed25519 AAAA one").doesNotContain("hunter2");
            assertThat(SopsFile.decrypt(FILE, yaml, ids).get()).isEqualTo(plain());
        }

        @Test
        @DisplayName("a changed clear value is a MAC mismatch")
        void tampered() throws Exception {
            String yaml = encrypt(plain(), Map.of("encrypted_regex", "^passwords$"), false)
                    .replace("8006", "8007");

            assertThat(SopsFile.decrypt(FILE, yaml, ids).getLeft().message()).contains("MAC mismatch");
        }
    }

    @Nested
    @DisplayName("with mac_only_encrypted")
    class MacOnlyEncrypted {

        @Test
        @DisplayName("round-trips, and a changed clear value is accepted because the MAC leaves it out")
        void clearOutsideMac() throws Exception {
            String yaml = encrypt(plain(), Map.of("encrypted_regex", "^passwords$"), true);

            assertThat(SopsFile.decrypt(FILE, yaml, ids).get()).isEqualTo(plain());
            var changed = SopsFile.decrypt(FILE, yaml.replace("8006", "8007"), ids);
            assertThat(changed.get()).containsEntry("port", 8007);
        }
    }

    @Nested
    @DisplayName("with other rules and edge cases")
    class Other {

        @Test
        @DisplayName("round-trips with encrypted_suffix and unencrypted_regex")
        void otherRules() throws Exception {
            Map<String, Object> doc = Map.of("pw_secret", "x1", "name", "n", "keep", Map.of("a", 1));
            for (Map<String, Object> rule : List.<Map<String, Object>>of(
                    Map.of("encrypted_suffix", "_secret"), Map.of("unencrypted_regex", "^kee"))) {
                assertThat(SopsFile.decrypt(FILE, encrypt(doc, rule, false), ids)
                                .get())
                        .as(rule.toString())
                        .isEqualTo(doc);
            }
        }

        @Test
        @DisplayName("refuses a file that names two rules")
        void twoRules() throws Exception {
            String yaml = encrypt(Map.of("a", "b"), Map.of(), false)
                    .replace("unencrypted_suffix:", "encrypted_regex: \"^x$\"\n  unencrypted_suffix:");

            assertThat(SopsFile.decrypt(FILE, yaml, ids).getLeft().message()).contains("more than one");
        }

        @Test
        @DisplayName("keeps YAML nulls and yes/on words as sops' YAML reader does")
        void nullsAndWords() throws Exception {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("word_unencrypted", "yes");
            doc.put("secret", "s");
            String yaml = encrypt(doc, Map.of(), false).replace("\"yes\"", "yes") + "nothing: null\n";
            // the null key appended after the sops block is outside the MAC, as sops leaves nulls out
            assertThat(yaml).contains("word_unencrypted: yes\n", "nothing: null");
            var result = SopsFile.decrypt(FILE, yaml, ids);

            assertThat(result.get()).containsEntry("word_unencrypted", "yes").containsEntry("nothing", null);
        }

        @Test
        @DisplayName("reports a top-level list as not a mapping")
        void notAMapping() {
            var failure = SopsFile.decrypt(FILE, "- a\n- b\n", ids).getLeft();

            assertThat(failure).isInstanceOf(ConfigFailure.Parse.class);
            assertThat(failure.message()).contains("expected a YAML mapping");
        }

        @Test
        @DisplayName("names the key path of a value with an unknown type")
        void unknownType() throws Exception {
            String yaml = encrypt(Map.of("token", "t"), Map.of(), false).replace("type:str]", "type:weird]");

            assertThat(SopsFile.decrypt(FILE, yaml, ids).getLeft().message())
                    .contains("'token'", "unsupported type 'weird'");
        }
    }
}
