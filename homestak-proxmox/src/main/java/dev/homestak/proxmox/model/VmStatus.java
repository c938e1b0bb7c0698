package dev.homestak.proxmox.model;

import java.util.Optional;

/**
 * {@code GET /nodes/{node}/qemu/{vmid}/status/current}.
 *
 * @param vmid the VM id
 * @param status {@code running} or {@code stopped}
 * @param qmpStatus QEMU's own state, e.g. {@code running}, {@code paused}
 * @param name VM name
 * @param lock config lock, present only while locked
 * @param agentEnabled true when the config enables the guest agent
 * @param uptime seconds
 */
public record VmStatus(
        int vmid,
        String status,
        Optional<String> qmpStatus,
        Optional<String> name,
        Optional<String> lock,
        boolean agentEnabled,
        Optional<Long> uptime) {
    /** Validates. */
    public VmStatus {
        java.util.Objects.requireNonNull(status, "status");
    }

    /** True when the VM runs. */
    public boolean running() {
        return status.equals("running");
    }
}
