package dev.homestak.manifests;

import dev.homestak.core.manifest.OnError;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run one verb: overrides of the manifest's settings and a time limit.
 *
 * @param onError  {@code --on-error}; empty keeps the manifest's {@code settings.on_error}
 * @param parallel node steps at once per PVE host ({@code --parallel}, default 8)
 * @param timeout  limit of the whole run except cleanup
 */
public record ManifestOptions(Optional<OnError> onError, int parallel, Optional<Duration> timeout) {

    /** The default bound of steps running at once on one PVE host. */
    public static final int DEFAULT_PARALLEL = 8;

    /** Validates components. */
    public ManifestOptions {
        Objects.requireNonNull(onError, "onError");
        Objects.requireNonNull(timeout, "timeout");
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1");
        }
    }

    /** The manifest's settings, 8 at once, no limit. */
    public static ManifestOptions defaults() {
        return new ManifestOptions(Optional.empty(), DEFAULT_PARALLEL, Optional.empty());
    }

    /** A copy with {@code on_error} overridden. */
    public ManifestOptions withOnError(OnError value) {
        return new ManifestOptions(Optional.of(value), parallel, timeout);
    }

    /** A copy with another bound. */
    public ManifestOptions withParallel(int value) {
        return new ManifestOptions(onError, value, timeout);
    }

    /** A copy with a time limit. */
    public ManifestOptions withTimeout(Duration value) {
        return new ManifestOptions(onError, parallel, Optional.of(value));
    }
}
