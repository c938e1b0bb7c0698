package dev.homestak.cli;

import dev.homestak.core.ConfigEnvironment;
import dev.homestak.core.Failure;
import dev.homestak.sim.SimProfile;
import dev.homestak.sim.Simulator;
import dev.homestak.sim.SimulatorBuilder;
import dev.homestak.sim.Timing;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The built-in host {@code sim}: a simulated Proxmox VE started in this process for one command, with the
 * SSH keys its VMs accept (the user's, or a key pair made for this run) and what clients need to reach it; or
 * a standalone {@code homestak sim} this command attaches to through its connection file.
 */
final class SimHost implements AutoCloseable {

    /** The name of the built-in host on the command line. */
    static final String NAME = "sim";

    private final Optional<Simulator> simulator;
    private final Optional<SimRunKeys> keys;
    private final Optional<RequestLog> requestLog;
    private final Optional<SimConnection> connection;
    private final List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();

    private SimHost(
            Optional<Simulator> simulator,
            Optional<SimRunKeys> keys,
            Optional<RequestLog> requestLog,
            Optional<SimConnection> connection) {
        this.simulator = simulator;
        this.keys = keys;
        this.requestLog = requestLog;
        this.connection = connection;
    }

    /** A standalone {@code homestak sim}, reached through its connection file; closing leaves it running. */
    static SimHost attached(SimConnection connection) {
        return new SimHost(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(connection));
    }

    /**
     * Starts the simulator with the profile's timing and faults (default: realistic timing sped up ten
     * times), logging its requests if asked, authorizing a generated run-scoped key (the run's identity) and
     * those of the user's {@code ~/.ssh/*.pub} it supports; nested PVEs non-routable unless the profile says.
     */
    static Either<Failure, SimHost> start(Optional<Path> profile, Optional<Path> requestLog, ConfigEnvironment env) {
        SimulatorBuilder builder = Simulator.builder().timing(Timing.realistic().withSpeedFactor(0.1));
        if (profile.isPresent()) {
            Either<? extends Failure, SimProfile> loaded =
                    SimProfile.load(env.workingDir().resolve(profile.get()));
            if (loaded.isLeft()) {
                return Either.left(loaded.getLeft());
            }
            builder.profile(loaded.get());
        }
        Either<Failure, SimRunKeys> keys = SimRunKeys.generate();
        if (keys.isLeft()) {
            return Either.left(keys.getLeft());
        }
        return builder.authorizedKeys("generated run key", keys.get().publicKeys())
                .authorizedKeysIfSupported(SimRunKeys.userPublicKeys(env.home()))
                .start()
                .<Failure>mapLeft(f -> f)
                .map(sim -> new SimHost(
                        Optional.of(sim),
                        Optional.of(keys.get()),
                        Optional.of(RequestLog.open(sim, requestLog.map(env.workingDir()::resolve))),
                        Optional.empty()))
                .peekLeft(f -> keys.get().close());
    }

    /** Adds a line the command prints before the run (e.g. which built-in envs it uses). */
    void note(String line) {
        notes.add(line);
    }

    /** The lines to print before the run. */
    List<String> notes() {
        return List.copyOf(notes);
    }

    /** The host config of the simulator, as a node of a site with these defaults. */
    dev.homestak.core.HostConfig hostConfig(java.util.Map<String, Object> siteDefaults) {
        return simulator
                .map(sim -> BuiltInSite.simHost(sim, siteDefaults))
                .orElseGet(() -> connection.orElseThrow().hostConfig(NAME, siteDefaults));
    }

    /** The private keys that log in to the simulator's VMs. */
    List<Path> identityFiles() {
        return keys.map(SimRunKeys::identityFiles)
                .orElseGet(() -> List.of(connection.orElseThrow().identityFile()));
    }

    /** The public keys the VMs accept (given to provisioners as the site's {@code ssh_keys}). */
    List<String> publicKeys() {
        return keys.map(SimRunKeys::publicKeys)
                .orElseGet(() -> connection.orElseThrow().publicKeys());
    }

    /** Stops an embedded simulator and deletes its generated key pair; an attached one keeps running. */
    @Override
    public void close() {
        requestLog.ifPresent(RequestLog::close);
        simulator.ifPresent(Simulator::close);
        keys.ifPresent(SimRunKeys::close);
    }
}
