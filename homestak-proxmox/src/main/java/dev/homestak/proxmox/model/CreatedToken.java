package dev.homestak.proxmox.model;

import dev.homestak.core.Secret;

/**
 * An API token just created; PVE shows its secret only this once.
 *
 * @param fullTokenId {@code user@realm!tokenid}
 * @param value the secret
 * @param privsep true when the token has separate (initially no) privileges
 */
public record CreatedToken(String fullTokenId, Secret value, boolean privsep) {
    /** Validates. */
    public CreatedToken {
        java.util.Objects.requireNonNull(fullTokenId, "fullTokenId");
        java.util.Objects.requireNonNull(value, "value");
    }

    /** The {@code user@realm!tokenid=secret} string as stored in site-config secrets. */
    public Secret tokenString() {
        return Secret.of(fullTokenId + "=" + value.reveal());
    }
}
