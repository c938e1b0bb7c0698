package dev.homestak.sim;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of one simulated VM.
 *
 * @param vmid      VM id
 * @param node      node it lives on
 * @param name      its name
 * @param status    power state
 * @param lock      config lock ({@code create}, {@code clone}, ...) while a task holds it
 * @param config    its configuration, as {@code GET .../config} shows it
 * @param address   the loopback address its guest agent reports and its SSH server listens on
 * @param sshPort   its SSH port (the same for every VM where the platform allows it)
 * @param sshUp     true while its SSH server accepts connections
 * @param nestedPve true when it is (or becomes, on boot) a nested simulated PVE
 */
public record VmView(
        int vmid,
        String node,
        String name,
        PowerState status,
        Optional<String> lock,
        Map<String, String> config,
        String address,
        int sshPort,
        boolean sshUp,
        boolean nestedPve) {
    /** Validates and copies. */
    public VmView {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lock, "lock");
        config = Map.copyOf(config);
        Objects.requireNonNull(address, "address");
    }
}
