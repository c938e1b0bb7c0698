package dev.homestak.proxmox.model;

import java.util.Optional;

/**
 * {@code GET /nodes/{node}/tasks/{upid}/status}.
 *
 * @param status {@code running} or {@code stopped}
 * @param exitStatus present once stopped: {@code OK}, {@code WARNINGS: n} or the error text
 */
public record TaskStatus(String status, Optional<String> exitStatus) {
    /** Validates. */
    public TaskStatus {
        java.util.Objects.requireNonNull(status, "status");
    }

    /** True while the task runs. */
    public boolean running() {
        return !status.equals("stopped");
    }
}
