package dev.homestak.core;

import java.util.Locale;
import java.util.Optional;

/** How a node's VMs are created: by OpenTofu from a tfvars file (the original's way) or natively through the PVE API. */
public enum Provisioner {
    /** {@code provisioner: tofu} (the default): {@code tofu apply} with the resolved tfvars. */
    TOFU,
    /** {@code provisioner: api}: VMs are created through the Proxmox VE REST API, no tofu needed. */
    API;

    /** The spelling used in {@code nodes/<node>.yaml}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The provisioner spelled {@code text} ({@code tofu} or {@code api}), if it is one. */
    public static Optional<Provisioner> parse(String text) {
        for (Provisioner p : values()) {
            if (p.configName().equals(text)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
