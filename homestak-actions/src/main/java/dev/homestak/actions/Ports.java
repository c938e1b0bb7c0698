package dev.homestak.actions;

import dev.homestak.core.Sleeper;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outside world actions reach, in one value: Proxmox clients, SSH, processes, clock, sleeper and playbook
 * stand-ins. An embedding program gives only what it replaces ({@code Ports.builder().ssh(mine).build()}); whoever
 * runs the actions ({@code ScenarioRunner}, {@code ManifestRunner}) creates the real adapters for the rest, and
 * closes what it created. A port given here belongs to the caller and is never closed by the runner.
 *
 * @param proxmox   the Proxmox client factory, or empty for the runner's own
 * @param ssh       the SSH client, or empty for the runner's own (with the host's {@code vm_ssh_port})
 * @param processes the process runner, or empty for real processes
 * @param clock     the clock deadlines are measured with
 * @param sleeper   the sleeper used between polls and retries
 * @param standIns  playbook path to its stand-in (a simulated host models the playbook's effect)
 */
public record Ports(
        Optional<ProxmoxClients> proxmox,
        Optional<SshClient> ssh,
        Optional<ProcessRunner> processes,
        Clock clock,
        Sleeper sleeper,
        Map<String, PlaybookStandIn> standIns) {

    /** Validates and copies components. */
    public Ports {
        Objects.requireNonNull(proxmox, "proxmox");
        Objects.requireNonNull(ssh, "ssh");
        Objects.requireNonNull(processes, "processes");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        standIns = Map.copyOf(standIns);
    }

    /** Every port the runner's own: real adapters, system clock and sleeper, no stand-ins. */
    public static Ports defaults() {
        return builder().build();
    }

    /** A builder with nothing replaced. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these ports. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.proxmox = proxmox;
        b.ssh = ssh;
        b.processes = processes;
        b.clock = clock;
        b.sleeper = sleeper;
        b.standIns.putAll(standIns);
        return b;
    }

    /**
     * An action context builder with these ports; the Proxmox clients and SSH client left empty are
     * {@code ownProxmox} and {@code ownSsh} (the runner's).
     */
    public ActionContext.Builder context(
            @org.jspecify.annotations.Nullable ProxmoxClients ownProxmox, SshClient ownSsh) {
        ActionContext.Builder b =
                ActionContext.builder().ssh(ssh.orElse(ownSsh)).clock(clock).sleeper(sleeper);
        proxmox.or(() -> Optional.ofNullable(ownProxmox)).ifPresent(b::proxmox);
        processes.ifPresent(b::processes);
        standIns.forEach(b::standIn);
        return b;
    }

    /** Builds {@link Ports}; the only mutable type here. */
    public static final class Builder {
        private Optional<ProxmoxClients> proxmox = Optional.empty();
        private Optional<SshClient> ssh = Optional.empty();
        private Optional<ProcessRunner> processes = Optional.empty();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private final Map<String, PlaybookStandIn> standIns = new LinkedHashMap<>();

        private Builder() {}

        /** The Proxmox client factory (yours to close). */
        public Builder proxmox(ProxmoxClients value) {
            proxmox = Optional.of(value);
            return this;
        }

        /** The SSH client. */
        public Builder ssh(SshClient value) {
            ssh = Optional.of(value);
            return this;
        }

        /** The process runner. */
        public Builder processes(ProcessRunner value) {
            processes = Optional.of(value);
            return this;
        }

        /** The clock (default: system UTC). */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** The sleeper (default: waits on the cancellation token). */
        public Builder sleeper(Sleeper value) {
            sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /** Runs {@code standIn} instead of {@code ansible-playbook} for {@code playbook}. */
        public Builder standIn(String playbook, PlaybookStandIn standIn) {
            standIns.put(Objects.requireNonNull(playbook, "playbook"), Objects.requireNonNull(standIn, "standIn"));
            return this;
        }

        /** The ports. */
        public Ports build() {
            return new Ports(proxmox, ssh, processes, clock, sleeper, standIns);
        }
    }
}
