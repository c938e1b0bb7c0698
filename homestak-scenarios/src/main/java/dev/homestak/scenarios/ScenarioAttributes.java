package dev.homestak.scenarios;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a scenario declares about itself besides its phases (the original's optional class attributes).
 *
 * @param expectedRuntime typical wall time, shown by {@code --list-scenarios} as {@code ~Nm}
 * @param requiresConfirmation destructive: the CLI asks {@code Continue? [y/N]} unless {@code --yes}
 * @param requiresHostConfig needs a PVE host from site-config ({@code --host})
 * @param defaultCleanup the cleanup policy when the run does not choose one
 */
public record ScenarioAttributes(
        Optional<Duration> expectedRuntime,
        boolean requiresConfirmation,
        boolean requiresHostConfig,
        CleanupPolicy defaultCleanup) {

    private static final ScenarioAttributes DEFAULTS =
            new ScenarioAttributes(Optional.empty(), false, true, CleanupPolicy.NEVER);

    /** Validates components. */
    public ScenarioAttributes {
        Objects.requireNonNull(expectedRuntime, "expectedRuntime");
        Objects.requireNonNull(defaultCleanup, "defaultCleanup");
    }

    /** No expected runtime, no confirmation, host config required, cleanup {@code never} (the original's defaults). */
    public static ScenarioAttributes defaults() {
        return DEFAULTS;
    }

    /** A copy with an expected runtime. */
    public ScenarioAttributes withExpectedRuntime(Duration runtime) {
        return new ScenarioAttributes(Optional.of(runtime), requiresConfirmation, requiresHostConfig, defaultCleanup);
    }

    /** A copy that does (or does not) ask for confirmation. */
    public ScenarioAttributes withRequiresConfirmation(boolean value) {
        return new ScenarioAttributes(expectedRuntime, value, requiresHostConfig, defaultCleanup);
    }

    /** A copy that does (or does not) need a host config. */
    public ScenarioAttributes withRequiresHostConfig(boolean value) {
        return new ScenarioAttributes(expectedRuntime, requiresConfirmation, value, defaultCleanup);
    }

    /** A copy with another default cleanup policy. */
    public ScenarioAttributes withDefaultCleanup(CleanupPolicy policy) {
        return new ScenarioAttributes(expectedRuntime, requiresConfirmation, requiresHostConfig, policy);
    }
}
