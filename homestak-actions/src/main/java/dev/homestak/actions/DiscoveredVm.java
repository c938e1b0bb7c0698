package dev.homestak.actions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the {@code discovered_vms} fact ({@code {vmid, name, status, node, tags}}), as
 * {@link DiscoverVmsAction} writes it.
 *
 * @param vmid   its id
 * @param name   its name ({@code ""} when PVE lists none)
 * @param status its power state as the cluster lists it ({@code running}, {@code stopped}, {@code unknown})
 * @param node   the node it is on ({@code ""} when PVE lists none)
 * @param tags   its PVE tags
 */
public record DiscoveredVm(int vmid, String name, String status, String node, List<String> tags) {

    /** Validates and copies components. */
    public DiscoveredVm {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(node, "node");
        tags = List.copyOf(tags);
    }

    /** Whether it is on {@code nodeName} (an entry without a node counts as on every node). */
    public boolean on(String nodeName) {
        return node.isEmpty() || node.equals(nodeName);
    }

    /** The fact's JSON form. */
    Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vmid", vmid);
        m.put("name", name);
        m.put("status", status);
        m.put("node", node);
        m.put("tags", tags);
        return m;
    }

    /** An entry read back from the fact's JSON form; only {@code vmid} is required. */
    static DiscoveredVm fromJson(Object entry) {
        if (!(entry instanceof Map<?, ?> m) || !(m.get("vmid") instanceof Number id)) {
            throw new IllegalStateException("has an entry without a vmid: " + entry);
        }
        return new DiscoveredVm(
                id.intValue(),
                m.get("name") instanceof String s ? s : "",
                m.get("status") instanceof String s ? s : "unknown",
                m.get("node") instanceof String s ? s : "",
                m.get("tags") instanceof List<?> l
                        ? l.stream().map(String::valueOf).toList()
                        : List.of());
    }
}
