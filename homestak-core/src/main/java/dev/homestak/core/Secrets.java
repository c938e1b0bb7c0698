package dev.homestak.core;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The site's {@code secrets.yaml} (decrypted if it was SOPS-encrypted): API tokens by key, passwords,
 * and the SSH public keys by identifier ({@code user@host}), in file order.
 *
 * @param file where the secrets are (or would be) read from, for messages
 * @param apiTokens {@code api_tokens}: key (node name or a node's {@code api_token} FK) to token
 * @param passwords {@code passwords}: e.g. {@code vm_root}, a crypt hash for cloud-init
 * @param sshKeys {@code ssh_keys}: identifier to public key line; public keys are not secret
 * @param signingKey {@code auth.signing_key}: the HMAC key of provisioning tokens (64 hex characters), when set
 */
public record Secrets(
        Path file,
        Map<String, Secret> apiTokens,
        Map<String, Secret> passwords,
        Map<String, String> sshKeys,
        Optional<Secret> signingKey) {

    /** Validates components and copies the maps, keeping their order. */
    public Secrets {
        Objects.requireNonNull(file, "file");
        apiTokens = ordered(apiTokens);
        passwords = ordered(passwords);
        sshKeys = ordered(sshKeys);
        Objects.requireNonNull(signingKey, "signingKey");
    }

    /** Secrets without a signing key (the seed layout has no {@code auth} section). */
    public Secrets(
            Path file, Map<String, Secret> apiTokens, Map<String, Secret> passwords, Map<String, String> sshKeys) {
        this(file, apiTokens, passwords, sshKeys, Optional.empty());
    }

    /** No secrets, as when {@code secrets.yaml} does not exist. */
    public static Secrets none(Path file) {
        return new Secrets(file, Map.of(), Map.of(), Map.of());
    }

    /** The token under {@code api_tokens.<key>}. */
    public Optional<Secret> apiToken(String key) {
        return Optional.ofNullable(apiTokens.get(key));
    }

    /** {@code passwords.vm_root}: the root password hash given to cloud-init. */
    public Optional<Secret> vmRootPassword() {
        return Optional.ofNullable(passwords.get("vm_root"));
    }

    /** Every public key, in the order of the file (what the original passes to tofu as {@code ssh_keys}). */
    public List<String> sshKeyValues() {
        return List.copyOf(sshKeys.values());
    }

    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(map)));
    }
}
