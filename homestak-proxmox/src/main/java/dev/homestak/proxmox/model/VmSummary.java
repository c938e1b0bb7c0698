package dev.homestak.proxmox.model;

import java.util.Optional;

/**
 * One entry of {@code GET /nodes/{node}/qemu}.
 *
 * @param vmid the VM id
 * @param status {@code running} or {@code stopped}
 * @param name VM name
 * @param lock config lock, present only while locked
 * @param template true for templates
 */
public record VmSummary(int vmid, String status, Optional<String> name, Optional<String> lock, boolean template) {
    /** Validates. */
    public VmSummary {
        java.util.Objects.requireNonNull(status, "status");
    }
}
