package dev.homestak.manifests;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the state remembers of one node (upstream's {@code execution.json} entry, plus what resume needs).
 *
 * @param name        the node
 * @param type        {@code vm} or {@code pve}
 * @param parent      its parent node, if any
 * @param status      {@link NodeState}
 * @param vmId        its VM id once provisioned
 * @param ip          its address once known
 * @param fingerprint its definition when it was created ({@link NodeSpec#fingerprint()})
 * @param createdAt   when its create completed
 * @param updatedAt   its last transition
 * @param error       why it failed
 */
public record NodeRecord(
        String name,
        String type,
        Optional<String> parent,
        NodeState status,
        Optional<Integer> vmId,
        Optional<String> ip,
        String fingerprint,
        Optional<Instant> createdAt,
        Instant updatedAt,
        Optional<String> error) {

    /** Validates components. */
    public NodeRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(vmId, "vmId");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(error, "error");
    }

    /** A node about to be created. */
    static NodeRecord creating(NodeSpec spec, Instant now) {
        return new NodeRecord(
                spec.name(),
                spec.type(),
                spec.parent(),
                NodeState.RUNNING,
                Optional.empty(),
                Optional.empty(),
                spec.fingerprint(),
                Optional.empty(),
                now,
                Optional.empty());
    }

    NodeRecord withVmId(int id, Instant now) {
        return new NodeRecord(name, type, parent, status, Optional.of(id), ip, fingerprint, createdAt, now, error);
    }

    NodeRecord withIp(String address, Instant now) {
        return new NodeRecord(
                name, type, parent, status, vmId, Optional.of(address), fingerprint, createdAt, now, error);
    }

    NodeRecord completed(Optional<String> address, Instant now) {
        return new NodeRecord(
                name,
                type,
                parent,
                NodeState.COMPLETED,
                vmId,
                address.or(() -> ip),
                fingerprint,
                createdAt.or(() -> Optional.of(now)),
                now,
                Optional.empty());
    }

    NodeRecord failed(String why, Instant now) {
        return new NodeRecord(
                name, type, parent, NodeState.FAILED, vmId, ip, fingerprint, createdAt, now, Optional.of(why));
    }
}
