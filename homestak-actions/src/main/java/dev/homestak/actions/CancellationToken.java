package dev.homestak.actions;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Cooperative cancellation of a run or of part of it: once cancelled it stays cancelled, and every
 * registered callback (signal a process, close an SSH connection) runs once.
 *
 * <p>{@link #child()} makes a token that is cancelled with its parent but can also be cancelled alone;
 * this is how {@code timeout} and {@code parallel} stop their part of the work without stopping the run.
 * Close a child when done with it so that the parent forgets it.
 */
public final class CancellationToken implements AutoCloseable {

    private final AtomicReference<@Nullable String> reason = new AtomicReference<>();
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final Set<Registration> callbacks = ConcurrentHashMap.newKeySet();
    private final @Nullable Registration parentLink;

    private CancellationToken(@Nullable CancellationToken parent) {
        this.parentLink = parent == null
                ? null
                : parent.onCancel(() -> cancel(parent.reason().orElse("")));
    }

    /** A fresh token that is not cancelled. */
    public static CancellationToken create() {
        return new CancellationToken(null);
    }

    /** A token cancelled together with this one, which can also be cancelled on its own. */
    public CancellationToken child() {
        return new CancellationToken(this);
    }

    /** Cancels this token (and its children); only the first call has an effect. */
    public void cancel(String why) {
        Objects.requireNonNull(why, "why");
        if (reason.compareAndSet(null, why)) {
            cancelled.countDown();
            for (Registration r : callbacks) {
                r.fire();
            }
        }
    }

    /** True once cancelled. */
    public boolean isCancelled() {
        return reason.get() != null;
    }

    /** Why it was cancelled, once it is. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason.get());
    }

    /**
     * Runs {@code callback} once when this token is cancelled (at once if it already is).
     * Close the returned registration when the guarded work is over.
     */
    public Registration onCancel(Runnable callback) {
        Registration registration = new Registration(this, callback);
        callbacks.add(registration);
        if (isCancelled()) {
            registration.fire();
        }
        return registration;
    }

    /** Waits until cancelled or until {@code limit} passed; true when cancelled. Keeps the interrupt flag. */
    public boolean await(Duration limit) {
        try {
            return cancelled.await(Math.max(0, limit.toNanos()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return isCancelled();
        }
    }

    /** Detaches this token from its parent (it is not cancelled by that). */
    @Override
    public void close() {
        if (parentLink != null) {
            parentLink.close();
        }
    }

    @Override
    public String toString() {
        return "CancellationToken[" + (isCancelled() ? "cancelled: " + reason.get() : "active") + "]";
    }

    /** A callback registered with {@link #onCancel(Runnable)}; closing it unregisters it. */
    public static final class Registration implements AutoCloseable {
        private final CancellationToken owner;
        private final Runnable callback;
        private final java.util.concurrent.atomic.AtomicBoolean fired = new java.util.concurrent.atomic.AtomicBoolean();

        private Registration(CancellationToken owner, Runnable callback) {
            this.owner = owner;
            this.callback = Objects.requireNonNull(callback, "callback");
        }

        private void fire() {
            if (fired.compareAndSet(false, true)) {
                callback.run();
            }
        }

        /** Unregisters the callback; it will not run any more. */
        @Override
        public void close() {
            fired.set(true);
            owner.callbacks.remove(this);
        }
    }
}
