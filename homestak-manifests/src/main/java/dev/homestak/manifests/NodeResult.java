package dev.homestak.manifests;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One node in a verb's result (upstream's {@code --json-output} entry).
 *
 * @param name     the node
 * @param status   {@code completed}, {@code failed}, {@code skipped} (a node it depends on failed, on_error
 *                 continue), {@code pending} (not reached), {@code destroyed}
 * @param vmId     its VM id, when known
 * @param ip       its address, when known
 * @param duration the time its steps took
 * @param error    why it failed
 */
public record NodeResult(
        String name,
        String status,
        Optional<Integer> vmId,
        Optional<String> ip,
        Duration duration,
        Optional<String> error) {

    /** Validates components. */
    public NodeResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(vmId, "vmId");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(error, "error");
    }
}
