package dev.homestak.proxmox;

import java.time.Duration;
import java.util.Objects;

/**
 * A retry the client is about to make after a transient failure (see {@link dev.homestak.core.RetryPolicy}).
 * The client tells it to the listener set with {@link ProxmoxClient.Builder#retryListener} or
 * {@link ProxmoxClient#withRetryListener}, before its pause. The same value travels on unchanged as an action's
 * event and a run's event ({@code ActionEvent.Retry}, {@code RunEvent.Retry}).
 *
 * @param request the call, as {@code METHOD /path} (no parameters, no credentials)
 * @param problem what failed, PVE's reason included
 * @param attempt the attempt that failed, from 1
 * @param pause   how long the client waits before the next attempt
 */
public record RetryNotice(String request, String problem, int attempt, Duration pause) {

    /** Validates components. */
    public RetryNotice {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(pause, "pause");
    }

    /** {@code GET /version: temporary failure (HTTP 503): ... (attempt 1); retrying in 0.20 s}. */
    @Override
    public String toString() {
        return problem + " (attempt " + attempt + "); retrying in "
                + String.format(java.util.Locale.ROOT, "%.2f s", pause.toMillis() / 1000.0);
    }
}
