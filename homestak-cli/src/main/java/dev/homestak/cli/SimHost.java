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
 * SSH keys its VMs accept (the user's, or a key pair made for this run) and what clients need to reach it.
 */
final class SimHost implements AutoCloseable {

    /** The name of the built-in host on the command line. */
    static final String NAME = "sim";

    private final Simulator simulator;
    private final SshKeys keys;
    private final RequestLog requestLog;

    private SimHost(Simulator simulator, SshKeys keys, RequestLog requestLog) {
        this.simulator = simulator;
        this.keys = keys;
        this.requestLog = requestLog;
    }

    /**
     * Starts the simulator with the profile's timing and faults (default: realistic timing sped up ten
     * times), logging its requests if asked, authorizing a generated run-scoped key (the run's identity) and
     * those of the user's {@code ~/.ssh/*.pub} it supports.
     */
    static Either<Failure, SimHost> start(Optional<Path> profile, Optional<Path> requestLog, ConfigEnvironment env) {
        SimulatorBuilder builder = Simulator.builder().timing(Timing.realistic().withSpeedFactor(0.1));
        if (profile.isPresent()) {
            Either<? extends Failure, SimProfile> loaded = SimProfile.load(env.workingDir().resolve(profile.get()));
            if (loaded.isLeft()) {
                return Either.left(loaded.getLeft());
            }
            builder.profile(loaded.get());
        }
        Either<Failure, SshKeys> keys = SshKeys.generate();
        if (keys.isLeft()) {
            return Either.left(keys.getLeft());
        }
        return builder.authorizedKeys("generated run key", keys.get().publicKeys())
                .authorizedKeysIfSupported(SshKeys.userPublicKeys(env.home())).start()
                .<Failure>mapLeft(f -> f)
                .map(sim -> new SimHost(sim, keys.get(), RequestLog.open(sim, requestLog.map(env.workingDir()::resolve))))
                .peekLeft(f -> keys.get().close());
    }

    /** The running simulator. */
    Simulator simulator() {
        return simulator;
    }

    /** The private keys that log in to the simulator's VMs. */
    List<Path> identityFiles() {
        return keys.identityFiles();
    }

    /** The public keys the VMs accept (given to provisioners as the site's {@code ssh_keys}). */
    List<String> publicKeys() {
        return keys.publicKeys();
    }

    /** Stops the simulator and deletes a generated key pair. */
    @Override
    public void close() {
        requestLog.close();
        simulator.close();
        keys.close();
    }
}
