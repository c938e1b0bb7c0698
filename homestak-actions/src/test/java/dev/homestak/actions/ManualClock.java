package dev.homestak.actions;

import dev.homestak.core.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that moves only when its sleeper "sleeps"; records every sleep. */
final class ManualClock extends Clock {

    private volatile Instant now = Instant.parse("2026-01-03T10:00:00Z");
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }

    void advance(Duration d) {
        now = now.plus(d);
    }

    /** A sleeper that advances this clock instead of waiting. */
    Sleeper sleeper() {
        return duration -> {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            sleeps.add(duration);
            advance(duration);
        };
    }

    List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
