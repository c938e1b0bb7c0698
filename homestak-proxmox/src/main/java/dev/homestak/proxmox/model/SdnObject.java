package dev.homestak.proxmox.model;

import java.util.Map;
import java.util.Optional;

/**
 * An SDN zone, vnet or subnet as listed by {@code /cluster/sdn/...}, or a node's zone status.
 *
 * @param id the zone, vnet or subnet name
 * @param type zone type ({@code simple}, {@code vlan}, ...), {@code vnet} or {@code subnet}
 * @param state pending state ({@code new}, {@code changed}, ...) or node status ({@code available}, ...)
 * @param fields every field as PVE sent it
 */
public record SdnObject(String id, String type, Optional<String> state, Map<String, String> fields) {
    /** Copies. */
    public SdnObject {
        java.util.Objects.requireNonNull(id, "id");
        java.util.Objects.requireNonNull(type, "type");
        fields = Map.copyOf(fields);
    }
}
