package dev.homestak.core.manifest;

import dev.homestak.core.Preset;
import java.util.Objects;
import java.util.Optional;

/**
 * One node of a manifest: a VM (or container, or PVE host) created on its parent, or on the target
 * host when it has none.
 *
 * @param name unique in the manifest; the VM's hostname and the prefix of its facts ({@code {name}_ip})
 * @param type {@code vm}, {@code ct} or {@code pve}
 * @param spec FK to {@code specs/{spec}.yaml}: what the node becomes
 * @param preset FK to {@code presets/{preset}.yaml}: cores, memory and disk
 * @param image cloud image name ({@code debian-12}, {@code debian-13}, {@code pve-9})
 * @param vmid explicit VM id (at least 100)
 * @param disk disk size in GB, overriding the preset's
 * @param parent FK to another node of the manifest; empty for a node created on the target host
 * @param mode how the node is configured ({@code execution.mode}, else the manifest's
 *     {@code execution.default_mode}, else push)
 */
public record ManifestNode(
        String name,
        NodeType type,
        Optional<String> spec,
        Optional<String> preset,
        Optional<String> image,
        Optional<Integer> vmid,
        Optional<Integer> disk,
        Optional<String> parent,
        ExecutionMode mode) {

    /** Validates components. */
    public ManifestNode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(vmid, "vmid");
        Objects.requireNonNull(disk, "disk");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(mode, "mode");
    }

    /** A builder for a node called {@code name} of {@code type} (no spec, preset, image, vmid, disk or parent; push). */
    public static Builder builder(String name, NodeType type) {
        return new Builder(name, type);
    }

    /** A builder holding this node's values. */
    public Builder toBuilder() {
        return new Builder(name, type)
                .spec(spec)
                .preset(preset)
                .image(image)
                .vmid(vmid)
                .disk(disk)
                .parent(parent)
                .mode(mode);
    }

    /** True for a node created on the target host (no parent). */
    public boolean isRoot() {
        return parent.isEmpty();
    }

    /** The disk size in GB: {@code disk} when set, else the preset's. */
    public int diskGb(Preset sized) {
        return disk.orElse(sized.diskGb());
    }

    /** Builds a {@link ManifestNode}; the only mutable type here. */
    public static final class Builder {
        private final String name;
        private final NodeType type;
        private Optional<String> spec = Optional.empty();
        private Optional<String> preset = Optional.empty();
        private Optional<String> image = Optional.empty();
        private Optional<Integer> vmid = Optional.empty();
        private Optional<Integer> disk = Optional.empty();
        private Optional<String> parent = Optional.empty();
        private ExecutionMode mode = ExecutionMode.PUSH;

        private Builder(String name, NodeType type) {
            this.name = Objects.requireNonNull(name, "name");
            this.type = Objects.requireNonNull(type, "type");
        }

        /** Sets the spec FK. */
        public Builder spec(Optional<String> v) {
            spec = v;
            return this;
        }

        /** Sets the preset FK. */
        public Builder preset(Optional<String> v) {
            preset = v;
            return this;
        }

        /** Sets the image name. */
        public Builder image(Optional<String> v) {
            image = v;
            return this;
        }

        /** Sets the VM id. */
        public Builder vmid(Optional<Integer> v) {
            vmid = v;
            return this;
        }

        /** Sets the disk size override in GB. */
        public Builder disk(Optional<Integer> v) {
            disk = v;
            return this;
        }

        /** Sets the parent node's name. */
        public Builder parent(Optional<String> v) {
            parent = v;
            return this;
        }

        /** Sets the execution mode. */
        public Builder mode(ExecutionMode v) {
            mode = v;
            return this;
        }

        /** The node. */
        public ManifestNode build() {
            return new ManifestNode(name, type, spec, preset, image, vmid, disk, parent, mode);
        }
    }
}
