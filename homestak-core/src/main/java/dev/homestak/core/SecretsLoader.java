package dev.homestak.core;

import io.vavr.control.Either;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code secrets.yaml}: plaintext as is; SOPS-encrypted ({@code secrets.yaml} carrying a
 * {@code sops:} block, or only {@code secrets.yaml.enc} present) through {@link SopsFile#decrypt}.
 * A missing file is no secrets, as in the original; a file that cannot be read or decrypted is a failure.
 */
final class SecretsLoader {

    private SecretsLoader() {}

    static Secrets load(Path root, ConfigEnvironment env, Problems problems) {
        Path plain = root.resolve("secrets.yaml");
        Path encrypted = root.resolve("secrets.yaml.enc");
        Path file = Files.exists(plain) || !Files.exists(encrypted) ? plain : encrypted;
        if (!Files.exists(file)) {
            return Secrets.none(plain);
        }
        return problems.take(read(file, env)).map(doc -> bind(doc, problems)).orElse(Secrets.none(file));
    }

    private static Either<ConfigFailure, YamlDoc> read(Path file, ConfigEnvironment env) {
        return YamlReader.readText(file)
                .flatMap(text -> YamlReader.parse(file, text).flatMap(doc -> {
                    if (!SopsFile.isEncrypted(doc.root())) {
                        return Either.right(doc);
                    }
                    AgeIdentities ids = AgeIdentities.discover(env.variables(), env.home());
                    return SopsFile.decrypt(file, text, ids).map(plain -> YamlDoc.withoutLines(file, plain));
                }));
    }

    private static Secrets bind(YamlDoc doc, Problems problems) {
        Map<String, Secret> tokens = secretMap(doc, "api_tokens", problems);
        Map<String, Secret> passwords = secretMap(doc, "passwords", problems);
        Map<String, String> keys = new LinkedHashMap<>();
        problems.mapping(doc, doc.root(), "", "ssh_keys")
                .ifPresent(m -> m.keySet()
                        .forEach(k -> problems.string(doc, m, "ssh_keys", k).ifPresent(v -> keys.put(k, v))));
        return new Secrets(doc.file(), tokens, passwords, keys, signingKey(doc, problems));
    }

    /**
     * {@code auth.signing_key}: empty or absent is "not set" (upstream generates it on first use); otherwise
     * 64 hex characters. A wrong key is described by its length only, never shown.
     */
    private static Optional<Secret> signingKey(YamlDoc doc, Problems problems) {
        Optional<String> key = problems.mapping(doc, doc.root(), "", "auth")
                .flatMap(auth -> problems.string(doc, auth, "auth", "signing_key"))
                .map(String::strip)
                .filter(k -> !k.isEmpty());
        if (key.isPresent() && !key.get().matches("[0-9a-fA-F]{64}")) {
            problems.invalid(
                    doc,
                    "auth.signing_key",
                    "must be 64 hex characters (32 bytes), not " + key.get().length()
                            + " characters of another form: generate one with 'openssl rand -hex 32'");
            return Optional.empty();
        }
        return key.map(Secret::of);
    }

    private static Map<String, Secret> secretMap(YamlDoc doc, String section, Problems problems) {
        Map<String, Secret> out = new LinkedHashMap<>();
        // Problems' messages name only the type of a wrong value, never the value, so secrets stay out of them
        problems.mapping(doc, doc.root(), "", section)
                .ifPresent(m -> m.keySet()
                        .forEach(k -> problems.string(doc, m, section, k).ifPresent(v -> out.put(k, Secret.of(v)))));
        return out;
    }
}
