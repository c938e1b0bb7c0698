package dev.homestak.actions;

import dev.homestak.core.Facts;
import dev.homestak.core.Key;
import dev.homestak.core.Secret;
import java.util.Objects;

/**
 * Which PVE API a Proxmox action talks to: the node of the run's host config (the original's
 * {@code pve_host_attr='ssh_host'}), or a nested PVE found at run time (the original's "remote"
 * actions, which ran {@code qm} over SSH on {@code inner_ip}; here its API with its own token).
 */
public sealed interface PveTarget {

    /** The node of the run's host config. */
    static PveTarget host() {
        return new Host();
    }

    /** The nested PVE at fact {@code inner_ip}, with the token in fact {@code inner_api_token}. */
    static PveTarget nested() {
        return new Nested(Facts.INNER_IP, ActionKeys.INNER_API_TOKEN);
    }

    /** The nested PVE at the address in {@code addressKey}, with the token in {@code tokenKey}. */
    static PveTarget nested(Key<String> addressKey, Key<Secret> tokenKey) {
        return new Nested(addressKey, tokenKey);
    }

    /** The host config's node. */
    record Host() implements PveTarget {
        @Override
        public String toString() {
            return "host";
        }
    }

    /**
     * A nested PVE.
     *
     * @param addressKey fact holding its address
     * @param tokenKey   fact holding its API token
     */
    record Nested(Key<String> addressKey, Key<Secret> tokenKey) implements PveTarget {
        /** Validates components. */
        public Nested {
            Objects.requireNonNull(addressKey, "addressKey");
            Objects.requireNonNull(tokenKey, "tokenKey");
        }

        @Override
        public String toString() {
            return "nested PVE at " + addressKey.name();
        }
    }
}
