package dev.homestak.proxmox.model;

import java.util.Optional;

/**
 * One entry of {@code GET /access/users/{userid}/token}.
 *
 * @param tokenId the token id (without the user)
 * @param privsep privilege separation
 * @param expire epoch seconds, 0 for never
 * @param comment free text
 */
public record TokenInfo(String tokenId, boolean privsep, long expire, Optional<String> comment) {
    /** Validates. */
    public TokenInfo {
        java.util.Objects.requireNonNull(tokenId, "tokenId");
    }
}
