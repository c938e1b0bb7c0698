package dev.homestak.core.manifest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a manifest node is: a KVM VM, an LXC container, or a VM that becomes a Proxmox VE host. */
public enum NodeType {
    /** A KVM virtual machine ({@code type: vm}). */
    VM,
    /** An LXC container ({@code type: ct}); not supported yet. */
    CT,
    /** A VM built from a PVE image that hosts the nodes whose parent it is ({@code type: pve}). */
    PVE;

    /** The name written in YAML: {@code vm}, {@code ct}, {@code pve}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type written {@code text} in YAML (lower case), if it is one. */
    public static Optional<NodeType> ofYaml(String text) {
        return Arrays.stream(values()).filter(v -> v.yamlName().equals(text)).findFirst();
    }
}
