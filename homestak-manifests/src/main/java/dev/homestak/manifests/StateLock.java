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
 * The lock of one deployment, held for one verb: the only writer of its state. {@link #update} changes the state
 * in memory at once and wakes the writer thread, which writes the newest state atomically; transitions that happen
 * while a write is in progress are written together by the next one (a write takes about a millisecond; 32 nodes
 * make 160 transitions, which written one by one under the lock held every node step up). {@link #close} writes
 * what is pending before it releases the lock.
 */
public final class StateLock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StateLock.class);

    private final StateStore store;
    private final Deployment deployment;
    private final FileChannel channel;
    private final FileLock lock;
    private final Thread writer;
    private Optional<DeploymentState> state = Optional.empty();
    private boolean dirty;
    private boolean closing;

    StateLock(StateStore store, Deployment deployment, FileChannel channel, FileLock lock) {
        this.store = store;
        this.deployment = deployment;
        this.channel = channel;
        this.lock = lock;
        this.writer =
                Thread.ofVirtual().name("state-writer-" + deployment.manifest()).start(this::writeLoop);
    }

    /** Reads the state under the lock (once, at the start of a verb). */
    synchronized Either<ManifestFailure, Optional<DeploymentState>> load() {
        return store.read(deployment).peek(s -> state = s);
    }

    /** The state as last changed (or loaded). */
    synchronized Optional<DeploymentState> current() {
        return state;
    }

    /** Applies {@code change} to the state (an empty one if none); the writer persists it at once. */
    synchronized void update(UnaryOperator<DeploymentState> change, Clock clock) {
        state = Optional.of(change.apply(state.orElseGet(() -> DeploymentState.empty(deployment, clock.instant()))));
        dirty = true;
        notifyAll();
    }

    /** Deletes the state (nothing of the deployment is left). */
    synchronized void clear() {
        state = Optional.empty();
        dirty = true;
        notifyAll();
    }

    private void writeLoop() {
        while (true) {
            Optional<DeploymentState> next;
            synchronized (this) {
                while (!dirty && !closing) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        closing = true; // never lose a pending write: finish it below, then stop
                    }
                }
                if (!dirty) {
                    return;
                }
                next = state;
                dirty = false;
            }
            Either<ManifestFailure, ?> done =
                    next.isPresent() ? store.write(deployment, next.get()) : store.delete(deployment);
            done.peekLeft(f -> log.warn("{}", f.message()));
        }
    }

    /** Writes what is pending, then releases the lock. */
    @Override
    public void close() {
        synchronized (this) {
            closing = true;
            notifyAll();
        }
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (!channel.isOpen()) {
            return; // closed before
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            log.warn(
                    "could not release the lock of deployment {} on {}: {}",
                    deployment.manifest(),
                    deployment.host(),
                    e.getMessage());
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
