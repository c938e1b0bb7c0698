package dev.homestak.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One VM of a resolved env: preset → template → instance merged key by key, with {@code vmid},
 * {@code bridge} and {@code gateway} defaults applied; exactly the object the original put in
 * {@code vms[]} of the tfvars.
 *
 * @param attributes every key in merge order (the tfvars object); values are type-checked by the loader
 */
public record ResolvedVm(Map<String, Object> attributes) {

    /** Copies the attributes; {@code name} and {@code bridge} must be strings. */
    public ResolvedVm {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        if (!(attributes.get("name") instanceof String) || !(attributes.get("bridge") instanceof String)) {
            throw new IllegalArgumentException("a resolved VM needs a name and a bridge: " + attributes.keySet());
        }
    }

    /** The VM's name. */
    public String name() {
        return (String) Objects.requireNonNull(attributes.get("name"));
    }

    /** The VM id ({@code vmid}, else {@code vmid_base + index}); empty lets PVE choose. */
    public Optional<Integer> vmid() {
        return typed("vmid", Integer.class);
    }

    /** The image name ({@code image}, e.g. {@code debian-12}). */
    public Optional<String> image() {
        return typed("image", String.class);
    }

    /** Number of cores. */
    public Optional<Integer> cores() {
        return typed("cores", Integer.class);
    }

    /** Memory in MB. */
    public Optional<Integer> memory() {
        return typed("memory", Integer.class);
    }

    /** Disk size in GB. */
    public Optional<Integer> disk() {
        return typed("disk", Integer.class);
    }

    /** The bridge ({@code bridge}, else site {@code bridge}, else {@code vmbr0}). */
    public String bridge() {
        return (String) Objects.requireNonNull(attributes.get("bridge"));
    }

    /** {@code dhcp} or an IPv4 CIDR; empty means DHCP. */
    public Optional<String> ip() {
        return typed("ip", String.class);
    }

    /** The gateway ({@code gateway}, else site {@code gateway}). */
    public Optional<String> gateway() {
        return typed("gateway", String.class);
    }

    /** Extra packages to install. */
    public List<String> packages() {
        return attributes.get("packages") instanceof List<?> l
                ? l.stream().map(String::valueOf).toList()
                : List.of();
    }

    private <T> Optional<T> typed(String key, Class<T> type) {
        Object value = attributes.get(key);
        return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
    }
}
