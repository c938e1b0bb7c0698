package dev.homestak.scenarios.internal;

import dev.homestak.scenarios.Scenario;
import dev.homestak.scenarios.builtin.BuiltInScenarios;
import dev.homestak.scenarios.builtin.StandardScenarioActions;
import dev.homestak.scenarios.spi.ScenarioProvider;
import java.util.List;

/**
 * Registers the original's eight scenarios, built on {@link StandardScenarioActions#create()} (envs from the
 * site-config of the run's host config), with the {@link java.util.ServiceLoader}.
 */
public final class BuiltInScenarioProvider implements ScenarioProvider {

    /** For the {@link java.util.ServiceLoader}. */
    public BuiltInScenarioProvider() {
        // nothing to set up: the actions take everything from the run's context
    }

    @Override
    public List<Scenario> scenarios() {
        return BuiltInScenarios.all(StandardScenarioActions.create());
    }
}
