/**
 * The built-in scenario catalog: the original's eight scenarios ({@link dev.homestak.scenarios.builtin.BuiltInScenarios}),
 * the actions their phases run ({@link dev.homestak.scenarios.builtin.ScenarioActions}, implemented by
 * {@link dev.homestak.scenarios.builtin.StandardScenarioActions}) and the env-level actions behind them (provision,
 * start, destroy an env's VMs). Built on the runner's public API only ({@code dev.homestak.scenarios}); the envs are
 * resolved in the run's site-config ({@link dev.homestak.scenarios.builtin.EnvSource}).
 */
@NullMarked
package dev.homestak.scenarios.builtin;

import org.jspecify.annotations.NullMarked;
