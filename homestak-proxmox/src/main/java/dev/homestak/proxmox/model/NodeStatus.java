package dev.homestak.proxmox.model;

import java.util.Optional;

/**
 * {@code GET /nodes/{node}/status}, the parts an orchestrator reads.
 *
 * @param pveVersion e.g. {@code pve-manager/9.1.2/...}
 * @param uptime seconds
 * @param cpu load 0..1
 * @param memoryTotal bytes
 * @param memoryUsed bytes
 */
public record NodeStatus(
        Optional<String> pveVersion,
        Optional<Long> uptime,
        Optional<Double> cpu,
        Optional<Long> memoryTotal,
        Optional<Long> memoryUsed) {}
