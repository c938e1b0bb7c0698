package dev.homestak.proxmox;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A retry the client is about to make after a transient failure (see {@link RetryPolicy}). Code that wants to
 * show retries (a run's event stream) observes the calls it makes with {@link #observe}.
 *
 * @param request the call, as {@code METHOD /path} (no parameters, no credentials)
 * @param problem what failed, PVE's reason included
 * @param attempt the attempt that failed, from 1
 * @param pause   how long the client waits before the next attempt
 */
public record RetryNotice(String request, String problem, int attempt, Duration pause) {

    private static final ThreadLocal<@Nullable Consumer<RetryNotice>> OBSERVER = new ThreadLocal<>();

    /** Validates components. */
    public RetryNotice {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(pause, "pause");
    }

    /**
     * Runs {@code calls} (client calls made on this thread) with {@code observer} told of every retry they make,
     * before its pause. Nested observation replaces the outer observer until it ends.
     */
    public static <T> T observe(Consumer<RetryNotice> observer, Supplier<T> calls) {
        Consumer<RetryNotice> outer = OBSERVER.get();
        OBSERVER.set(Objects.requireNonNull(observer, "observer"));
        try {
            return calls.get();
        } finally {
            OBSERVER.set(outer);
        }
    }

    /** Tells the observer of this thread, if any. */
    static void announce(RetryNotice notice) {
        Consumer<RetryNotice> observer = OBSERVER.get();
        if (observer != null) {
            observer.accept(notice);
        }
    }

    /** {@code GET /version: temporary failure (HTTP 503): ... (attempt 1); retrying in 0.20 s}. */
    @Override
    public String toString() {
        return problem + " (attempt " + attempt + "); retrying in "
                + String.format(java.util.Locale.ROOT, "%.2f s", pause.toMillis() / 1000.0);
    }
}
