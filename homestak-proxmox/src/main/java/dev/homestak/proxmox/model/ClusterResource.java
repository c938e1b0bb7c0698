package dev.homestak.proxmox.model;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * One entry of {@code GET /cluster/resources}: a VM, container, node, storage or SDN object.
 *
 * @param id e.g. {@code qemu/100}, {@code node/pve}, {@code storage/pve/local}
 * @param type {@code qemu}, {@code lxc}, {@code node}, {@code storage}, {@code sdn}, ...
 * @param node the node it lives on
 * @param vmid for guests
 * @param name guest name
 * @param status as cached by pvestatd (may lag a few seconds)
 * @param lock the guest's config lock, present only while locked
 * @param template true for templates
 * @param fields every field as PVE sent it, including those not modelled
 */
public record ClusterResource(
        String id,
        String type,
        Optional<String> node,
        Optional<Integer> vmid,
        Optional<String> name,
        Optional<String> status,
        Optional<String> lock,
        boolean template,
        Map<String, String> fields) {
    /** Validates and copies. */
    public ClusterResource {
        requireNonNull(id, "id");
        requireNonNull(type, "type");
        fields = Map.copyOf(fields);
    }
}
