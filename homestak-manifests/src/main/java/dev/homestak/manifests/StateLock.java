package dev.homestak.manifests;

import io.vavr.control.Either;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.time.Clock;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock of one deployment, held for one verb: the only writer of its state. Every {@link #update} writes the
 * state file at once (atomically), so a crash loses at most the transition in progress.
 */
public final class StateLock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StateLock.class);

    private final StateStore store;
    private final Deployment deployment;
    private final FileChannel channel;
    private final FileLock lock;
    private Optional<DeploymentState> state = Optional.empty();

    StateLock(StateStore store, Deployment deployment, FileChannel channel, FileLock lock) {
        this.store = store;
        this.deployment = deployment;
        this.channel = channel;
        this.lock = lock;
    }

    /** Reads the state under the lock (once, at the start of a verb). */
    synchronized Either<ManifestFailure, Optional<DeploymentState>> load() {
        return store.read(deployment).peek(s -> state = s);
    }

    /** The state as last written (or loaded). */
    synchronized Optional<DeploymentState> current() {
        return state;
    }

    /** Applies {@code change} to the state (an empty one if none) and writes it. A failed write is logged. */
    synchronized void update(UnaryOperator<DeploymentState> change, Clock clock) {
        DeploymentState next = change.apply(state.orElseGet(() -> DeploymentState.empty(deployment, clock.instant())));
        state = Optional.of(next);
        store.write(deployment, next).peekLeft(f -> log.warn("{}", f.message()));
    }

    /** Deletes the state (nothing of the deployment is left). */
    synchronized void clear() {
        state = Optional.empty();
        store.delete(deployment).peekLeft(f -> log.warn("{}", f.message()));
    }

    @Override
    public synchronized void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            log.warn("could not release the lock of deployment {} on {}: {}", deployment.manifest(), deployment.host(),
                    e.getMessage());
        }
    }
}
