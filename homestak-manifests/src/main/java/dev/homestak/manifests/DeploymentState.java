package dev.homestak.manifests;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The durable state of one deployment (a manifest on a host): its nodes as last recorded. Holds no secret.
 *
 * @param manifest  the manifest's name
 * @param host      the target host
 * @param tag       the deployment tag every VM of it carries
 * @param startedAt when the deployment was first applied
 * @param updatedAt the last transition
 * @param nodes     node name to record, in creation order
 */
public record DeploymentState(
        String manifest, String host, String tag, Instant startedAt, Instant updatedAt, Map<String, NodeRecord> nodes) {

    /** Validates and copies. */
    public DeploymentState {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        nodes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    }

    /** A deployment with no node yet. */
    static DeploymentState empty(Deployment d, Instant now) {
        return new DeploymentState(d.manifest(), d.host(), d.tag(), now, now, Map.of());
    }

    /** The record of {@code name}. */
    public Optional<NodeRecord> node(String name) {
        return Optional.ofNullable(nodes.get(name));
    }

    /** A copy with {@code record} put (replacing the node's previous one). */
    DeploymentState with(NodeRecord record) {
        Map<String, NodeRecord> next = new LinkedHashMap<>(nodes);
        next.put(record.name(), record);
        return new DeploymentState(manifest, host, tag, startedAt, record.updatedAt(), next);
    }

    /** A copy without node {@code name}. */
    DeploymentState without(String name, Instant now) {
        Map<String, NodeRecord> next = new LinkedHashMap<>(nodes);
        next.remove(name);
        return new DeploymentState(manifest, host, tag, startedAt, now, next);
    }
}
