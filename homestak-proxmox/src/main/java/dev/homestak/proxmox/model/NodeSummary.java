package dev.homestak.proxmox.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One entry of {@code GET /nodes}.
 *
 * @param node node name
 * @param status {@code online}, {@code offline} or {@code unknown}
 * @param sslFingerprint the node certificate's SHA-256 fingerprint, ready to pin
 * @param cpu CPU load 0..1 when online
 * @param uptime seconds when online
 */
public record NodeSummary(
        String node, String status, Optional<String> sslFingerprint, Optional<Double> cpu, Optional<Long> uptime) {
    /** Validates. */
    public NodeSummary {
        requireNonNull(node, "node");
        requireNonNull(status, "status");
    }

    /** True when PVE reports the node online. */
    public boolean online() {
        return status.equals("online");
    }
}
