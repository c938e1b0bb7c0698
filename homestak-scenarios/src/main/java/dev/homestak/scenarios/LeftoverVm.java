package dev.homestak.scenarios;

import java.util.Objects;
import java.util.Optional;

/**
 * A VM that a homestak run created and that still exists, found by its tags.
 *
 * @param vmid   its id
 * @param name   its name
 * @param node   the node it lives on
 * @param status its power state ({@code running}, {@code stopped})
 * @param runId  the run that created it (from its {@code homestak-run-<id>} tag), if tagged with one
 */
public record LeftoverVm(int vmid, String name, String node, String status, Optional<String> runId) {

    /** Validates components. */
    public LeftoverVm {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(runId, "runId");
    }
}
