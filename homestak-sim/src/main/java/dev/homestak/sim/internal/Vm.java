package dev.homestak.sim.internal;

import dev.homestak.sim.PowerState;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The mutable state of one simulated VM; guarded by its {@link Cluster}'s lock. */
final class Vm {

    /** The result of one {@code agent/exec}. */
    record Exec(int exitCode, String out, String err) {}

    final int vmid;
    final Map<String, String> config = new LinkedHashMap<>();
    PowerState status = PowerState.STOPPED;
    /** When the VM's file lock is free again (the end of the last queued task holding it). */
    Instant flockFreeAt = Instant.EPOCH;
    /** When the current boot's start task ended; null while stopped. */
    @Nullable
    Instant bootedAt;

    boolean agentNeverReady;
    boolean sshRefused;
    /** The SSH endpoint while bound. */
    @Nullable
    InetSocketAddress sshBound;
    /** Whether the guest is a PVE host (PVE image, or pve-install ran). */
    boolean pve;
    /** The nested PVE this VM serves, once it booted as a PVE host. */
    @Nullable
    PveInstance nested;

    final Map<Integer, Exec> execs = new HashMap<>();
    /** Snapshots by name, oldest first: the config of their time plus {@code snaptime}, {@code description}. */
    final Map<String, Map<String, String>> snapshots = new LinkedHashMap<>();
    /** Users and files commands created inside the guest. */
    final GuestState state = new GuestState();

    int nextPid = 1000;

    Vm(int vmid) {
        this.vmid = vmid;
    }

    String name() {
        return config.getOrDefault("name", "VM" + vmid);
    }

    Optional<String> lock() {
        return Optional.ofNullable(config.get("lock"));
    }

    boolean running() {
        return status == PowerState.RUNNING;
    }

    /** Whether the guest agent is enabled in the config ({@code agent: 1} or {@code enabled=1,...}). */
    boolean agentConfigured() {
        String agent = config.get("agent");
        if (agent == null) {
            return false;
        }
        for (String part : agent.split(",")) {
            if (part.equals("1") || part.equals("enabled=1") || part.equals("enabled=on")) {
                return true;
            }
        }
        return false;
    }

    /** PVE's die when a config lock is present. */
    void checkUnlocked() {
        lock().ifPresent(l -> {
            throw PveError.of("VM is locked (" + l + ")");
        });
    }
}
