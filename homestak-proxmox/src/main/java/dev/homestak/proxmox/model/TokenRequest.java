package dev.homestak.proxmox.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /access/users/{userid}/token/{tokenid}} options.
 *
 * @param privsep separate privileges (PVE default true: the token starts with none)
 * @param expire epoch seconds; 0 for never
 * @param comment free text
 */
public record TokenRequest(boolean privsep, Optional<Long> expire, Optional<String> comment) {

    /** Validates. */
    public TokenRequest {
        java.util.Objects.requireNonNull(expire, "expire");
        java.util.Objects.requireNonNull(comment, "comment");
    }

    /** A token with the user's full privileges that never expires. */
    public static TokenRequest fullPrivileges(String comment) {
        return new TokenRequest(false, Optional.of(0L), Optional.of(comment));
    }

    /** The form fields PVE receives. */
    public List<Map.Entry<String, String>> form() {
        return new FormFields()
                .put("privsep", privsep)
                .opt("expire", expire)
                .opt("comment", comment)
                .build();
    }
}
