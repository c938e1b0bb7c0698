package dev.homestak.proxmox.model;

import java.util.Optional;

/**
 * One volume of {@code GET /nodes/{node}/storage/{storage}/content}.
 *
 * @param volid e.g. {@code local:import/debian-13.qcow2}
 * @param content {@code iso}, {@code images}, {@code import}, ... (sent by PVE though not in its schema)
 * @param format e.g. {@code qcow2}, {@code raw}, {@code iso}
 * @param size bytes
 * @param vmid owner VM for disk images
 */
public record StorageContent(
        String volid, Optional<String> content, Optional<String> format, long size, Optional<Integer> vmid) {
    /** Validates. */
    public StorageContent {
        java.util.Objects.requireNonNull(volid, "volid");
    }
}
