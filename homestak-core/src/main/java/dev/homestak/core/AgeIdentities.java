package dev.homestak.core;

import java.nio.file.Path;
import java.util.Map;

/**
 * The age private keys available to decrypt SOPS files, found the way sops finds them:
 * {@code SOPS_AGE_KEY_FILE}, {@code SOPS_AGE_KEY}, then {@code ~/.config/sops/age/keys.txt}.
 *
 * <p>STUB: the SOPS helper replaces this file.
 */
public final class AgeIdentities {

    private AgeIdentities() {
    }

    /** Finds identities from the environment and the user's home directory; none found is not an error. */
    public static AgeIdentities discover(Map<String, String> env, Path home) {
        return new AgeIdentities();
    }

    /** True when no identity was found. */
    public boolean isEmpty() {
        return true;
    }

    @Override
    public String toString() {
        return "AgeIdentities[***]";
    }
}
