package dev.homestak.core.manifest;

import java.util.Objects;

/**
 * A manifest's {@code settings}; every key is optional and defaults as in the upstream schema.
 *
 * @param verifySsh SSH to every node after it is created ({@code verify_ssh}, default true)
 * @param cleanupOnFailure {@code test} destroys what was created when create fails ({@code cleanup_on_failure}, default true)
 * @param timeoutBuffer extra timeout seconds per nesting level ({@code timeout_buffer}, default 60)
 * @param onError what an apply does when a node fails ({@code on_error}, default {@code stop})
 */
public record ManifestSettings(boolean verifySsh, boolean cleanupOnFailure, int timeoutBuffer, OnError onError) {

    /** The upstream defaults: verify SSH, clean up on failure, 60 s buffer, stop on error. */
    public static final ManifestSettings DEFAULTS = new ManifestSettings(true, true, 60, OnError.STOP);

    /** Validates components. */
    public ManifestSettings {
        Objects.requireNonNull(onError, "onError");
    }

    /** A copy with another error policy (the CLI's {@code --on-error}). */
    public ManifestSettings withOnError(OnError value) {
        return value == onError ? this : new ManifestSettings(verifySsh, cleanupOnFailure, timeoutBuffer, value);
    }
}
