package dev.homestak.core;

import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads SOPS-encrypted YAML files in process: the age-wrapped data key, AES-256-GCM values
 * (additional data = the key path), and the MAC over all values.
 *
 * <p>STUB: the SOPS helper replaces this file.
 */
public final class SopsFile {

    private SopsFile() {
    }

    /** True when a parsed YAML document carries a top-level {@code sops} metadata block. */
    public static boolean isEncrypted(Map<String, ?> document) {
        return document.containsKey("sops");
    }

    /**
     * Decrypts the YAML text of {@code file}. The result is the document without its {@code sops}
     * block, as an insertion-ordered map whose values are String, Integer/Long, Double, Boolean,
     * List or Map; any problem (no key, wrong key, MAC mismatch) is a {@link ConfigFailure.Decrypt}.
     */
    public static Either<ConfigFailure, Map<String, Object>> decrypt(Path file, String yamlText, AgeIdentities identities) {
        return Either.left(new ConfigFailure.Decrypt(file, "SOPS decryption is not implemented yet"));
    }
}
