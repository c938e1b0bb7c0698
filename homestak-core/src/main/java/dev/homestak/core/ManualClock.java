package dev.homestak.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when told to, and the {@link Sleeper} that tells it: a "sleep" records its duration and
 * moves the clock on at once. For tests of retries, waits and simulated time that must not wait for real (give it to
 * a runner, an {@code ActionContext}, a client or the simulator as both clock and sleeper).
 */
public final class ManualClock extends Clock implements Sleeper {

    private final AtomicReference<Instant> now;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    private ManualClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** A clock standing at {@code start}. */
    public static ManualClock at(Instant start) {
        return new ManualClock(Objects.requireNonNull(start, "start"));
    }

    /** Moves the clock forward. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time does not go backwards: " + duration);
        }
        now.updateAndGet(t -> t.plus(duration));
    }

    /** Records {@code duration} and moves the clock on by it, without waiting; throws when interrupted. */
    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
        }
        sleeps.add(duration);
        advance(duration);
    }

    /** Every sleep so far, in order. */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this; // manual time is always UTC
    }
}
