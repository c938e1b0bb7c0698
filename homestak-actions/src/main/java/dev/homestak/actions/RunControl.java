package dev.homestak.actions;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the run tells its actions about itself, apart from the facts (the data actions produce and consume): the
 * run id (the VMs an action creates are tagged with it), the {@code --vm-id} overrides, the {@code --env} to deploy,
 * and whether a cleanup phase runs because the main path failed or was cancelled. Read with {@link ActionContext#run()}.
 *
 * <p>The original kept these in its context dict ({@code run_id}, {@code vm_id_overrides},
 * {@code _cleanup_after_failure}); the context file still shows {@code run_id} and {@code vm_id_overrides} under
 * those names.
 *
 * @param runId               the run's id, empty outside a run (an action run on its own)
 * @param vmIdOverrides       VM name to VM id, from {@code --vm-id}
 * @param cleanupAfterFailure a cleanup phase that runs because the main path failed: it undoes only this run's work
 * @param env                 the env the run deploys instead of the scenario's ({@code --env}), if any
 */
public record RunControl(
        Optional<String> runId, Map<String, Integer> vmIdOverrides, boolean cleanupAfterFailure, Optional<String> env) {

    private static final RunControl NONE = new RunControl(Optional.empty(), Map.of(), false, Optional.empty());

    /** Validates and copies components. */
    public RunControl {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(env, "env");
        vmIdOverrides = Map.copyOf(Objects.requireNonNull(vmIdOverrides, "vmIdOverrides"));
    }

    /** No run: no id, no overrides, not a cleanup after a failure. */
    public static RunControl none() {
        return NONE;
    }

    /** The run {@code runId} with {@code overrides}. */
    public static RunControl of(String runId, Map<String, Integer> overrides) {
        return new RunControl(Optional.of(runId), overrides, false, Optional.empty());
    }

    /** The {@code --vm-id} override of the VM {@code name}, if any. */
    public Optional<Integer> vmIdOverride(String name) {
        return Optional.ofNullable(vmIdOverrides.get(name));
    }

    /** A copy with other overrides. */
    public RunControl withVmIdOverrides(Map<String, Integer> value) {
        return new RunControl(runId, value, cleanupAfterFailure, env);
    }

    /** A copy that deploys {@code value} instead of the scenario's env ({@code --env}). */
    public RunControl withEnv(Optional<String> value) {
        return new RunControl(runId, vmIdOverrides, cleanupAfterFailure, value);
    }

    /** A copy for a cleanup phase that runs because the main path failed or was cancelled. */
    public RunControl afterFailure() {
        return new RunControl(runId, vmIdOverrides, true, env);
    }
}
