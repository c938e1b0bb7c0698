package dev.homestak.manifests;

import java.util.Objects;
import java.util.Optional;

/**
 * One manifest node as the engine creates it: its size resolved from the preset ({@code disk} overrides), its
 * image, id and parent. {@link #fingerprint()} is what the state remembers to tell that a node's definition changed.
 *
 * @param name     the node's name: VM name and fact prefix ({@code <name>_vm_id}, {@code <name>_ip})
 * @param type     {@code vm} or {@code pve}
 * @param parent   the parent node; empty for a node created on the target host
 * @param vmid     the VM id; empty lets PVE choose the next free one
 * @param image    the cloud image ({@code debian-12})
 * @param preset   the preset's name ({@code vm-small})
 * @param cores    cores
 * @param memoryMb memory in MB
 * @param diskGb   disk in GB
 */
public record NodeSpec(
        String name,
        String type,
        Optional<String> parent,
        Optional<Integer> vmid,
        String image,
        String preset,
        int cores,
        int memoryMb,
        int diskGb) {

    /** Validates components. */
    public NodeSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(vmid, "vmid");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(preset, "preset");
    }

    /** {@code vm-small 2c/2048M/10G debian-12}: a change means the node must be replaced. */
    public String fingerprint() {
        return preset + " " + cores + "c/" + memoryMb + "M/" + diskGb + "G " + image
                + vmid.map(id -> " #" + id).orElse("");
    }
}
