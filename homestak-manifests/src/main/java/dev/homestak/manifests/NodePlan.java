package dev.homestak.manifests;

import java.util.Objects;
import java.util.Optional;

/**
 * One line of a plan.
 *
 * @param name   the node
 * @param type   {@code vm} or {@code pve}
 * @param action what happens to it
 * @param reason why (for replace and destroy; empty otherwise)
 * @param spec   its definition (empty for a node no longer in the manifest)
 * @param live   the VM on the host now, if any
 */
public record NodePlan(
        String name, String type, NodeAction action, String reason, Optional<NodeSpec> spec, Optional<LiveVm> live) {

    /** Validates components. */
    public NodePlan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(live, "live");
    }

    /** {@code create}, {@code keep}, {@code replace (stopped)}, {@code destroy (no longer in the manifest)}. */
    public String label() {
        return action.word() + (reason.isEmpty() ? "" : " (" + reason + ")");
    }
}
