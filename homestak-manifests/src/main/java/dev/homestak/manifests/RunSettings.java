package dev.homestak.manifests;

import dev.homestak.core.manifest.OnError;
import java.util.Objects;

/**
 * How one verb runs: the manifest's settings with the command line's overrides.
 *
 * @param verifySsh        SSH to every node after create
 * @param cleanupOnFailure {@code test}: destroy after a failed apply too
 * @param onError          stop, rollback or continue
 * @param parallel         node steps running at once per PVE host
 */
record RunSettings(boolean verifySsh, boolean cleanupOnFailure, OnError onError, int parallel) {

    RunSettings {
        Objects.requireNonNull(onError, "onError");
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1");
        }
    }
}
