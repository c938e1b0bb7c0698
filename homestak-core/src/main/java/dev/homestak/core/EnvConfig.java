package dev.homestak.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An environment ({@code envs/<name>.yaml}): a node-agnostic list of VMs and the base of their ids.
 *
 * @param name the primary key (file stem)
 * @param file where it was read from
 * @param vmidBase {@code vmid_base}: VM {@code i} gets {@code vmid_base + i} unless it sets {@code vmid};
 *        empty lets PVE assign ids
 * @param vms the {@code vms:} entries in order
 */
public record EnvConfig(String name, Path file, Optional<Integer> vmidBase, List<VmInstance> vms) {

    /** Validates components and copies the list. */
    public EnvConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(vmidBase, "vmidBase");
        vms = List.copyOf(vms);
    }
}
