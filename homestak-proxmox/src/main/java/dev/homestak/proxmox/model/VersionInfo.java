package dev.homestak.proxmox.model;

import static java.util.Objects.requireNonNull;

/**
 * {@code GET /version}: the PVE release the client talks to.
 *
 * @param version e.g. {@code 9.1.2}
 * @param release e.g. {@code 9.1}
 * @param repoid the pve-manager git id
 */
public record VersionInfo(String version, String release, String repoid) {
    /** Validates. */
    public VersionInfo {
        requireNonNull(version, "version");
        requireNonNull(release, "release");
        requireNonNull(repoid, "repoid");
    }

    /** The major version, e.g. 9 for {@code 9.1.2}; 0 when it cannot be read. */
    public int major() {
        try {
            return Integer.parseInt(version.split("\\.")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
