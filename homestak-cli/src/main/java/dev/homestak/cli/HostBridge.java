package dev.homestak.cli;

import dev.homestak.core.HostConfig;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The host config of the run in progress, for actions that cannot yet receive it through their
 * {@code ActionContext} (the context's host-config port is being added with the Proxmox actions).
 * Interim seam: set by {@link ScenarioCommand} for the duration of a run; read by scenarios in tests.
 */
final class HostBridge {

    private static volatile @Nullable HostConfig current;

    private HostBridge() {
    }

    /** The host of the run in progress. */
    static Optional<HostConfig> current() {
        return Optional.ofNullable(current);
    }

    static void set(@Nullable HostConfig host) {
        current = host;
    }
}
