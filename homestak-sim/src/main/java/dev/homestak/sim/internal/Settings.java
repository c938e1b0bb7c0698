package dev.homestak.sim.internal;

import dev.homestak.sim.FaultRule;
import dev.homestak.sim.Timing;
import java.security.PublicKey;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a simulator runtime starts from (filled by {@code Simulator.Builder}).
 *
 * @param node            the root node's name
 * @param clock           the clock all simulated time runs on
 * @param timing          the timing model
 * @param faults          fault rules
 * @param seed            seed of the fault injector's random
 * @param validator       request parameter validation
 * @param keys            public keys the VMs' SSH servers accept
 * @param apiPort         port of the root API ({@code 0}: any free port)
 * @param sshPort         port of every SSH server ({@code 0}: one free port chosen at start)
 * @param perVmAddresses  force per-VM addresses on or off; empty detects
 * @param innerNonRoutable nested PVE APIs accept only connections forwarded by the simulator's SSH server
 *                        ({@code direct-tcpip} through a parent), as on a non-routable inner network
 */
public record Settings(
        String node,
        Clock clock,
        Timing timing,
        List<FaultRule> faults,
        long seed,
        RequestValidator validator,
        List<PublicKey> keys,
        int apiPort,
        int sshPort,
        Optional<Boolean> perVmAddresses,
        boolean innerNonRoutable) {

    /** Validates and copies. */
    public Settings {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(timing, "timing");
        faults = List.copyOf(faults);
        Objects.requireNonNull(validator, "validator");
        keys = List.copyOf(keys);
        Objects.requireNonNull(perVmAddresses, "perVmAddresses");
    }
}
