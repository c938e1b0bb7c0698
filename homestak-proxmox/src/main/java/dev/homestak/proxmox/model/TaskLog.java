package dev.homestak.proxmox.model;

import java.util.List;

/**
 * A page of {@code GET /nodes/{node}/tasks/{upid}/log}.
 *
 * @param total lines in the whole log
 * @param lines this page's lines, in order
 */
public record TaskLog(int total, List<String> lines) {
    /** Copies. */
    public TaskLog {
        lines = List.copyOf(lines);
    }
}
