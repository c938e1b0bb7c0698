package dev.homestak.sim;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A fault the simulator injected, for tests to assert on.
 *
 * @param kind    what was injected
 * @param target  {@code METHOD /path} for HTTP faults, {@code vm <id>} for per-VM faults
 * @param vmid    the VM concerned, when there is one
 * @param at      when, on the simulator's clock
 */
public record InjectedFault(FaultKind kind, String target, OptionalInt vmid, Instant at) {
    /** Validates. */
    public InjectedFault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(vmid, "vmid");
        Objects.requireNonNull(at, "at");
    }
}
