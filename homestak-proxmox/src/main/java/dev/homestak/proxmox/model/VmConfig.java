package dev.homestak.proxmox.model;

import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /nodes/{node}/qemu/{vmid}/config}: every option as PVE prints it
 * ({@code net0 -> virtio=BC:24:..,bridge=vmbr0}).
 *
 * @param options option name to value
 */
public record VmConfig(Map<String, String> options) {
    /** Copies. */
    public VmConfig {
        options = Map.copyOf(options);
    }

    /** One option's value. */
    public Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key));
    }

    /** The VM name. */
    public Optional<String> name() {
        return option("name");
    }

    /** The config lock ({@code clone}, {@code backup}, ...), present only while locked. */
    public Optional<String> lock() {
        return option("lock");
    }

    /** The digest to pass back for optimistic concurrency. */
    public Optional<String> digest() {
        return option("digest");
    }
}
