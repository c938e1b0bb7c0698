package dev.homestak.scenarios.spi;

import dev.homestak.scenarios.Scenario;
import java.util.List;

/**
 * Supplies scenarios to the {@link dev.homestak.scenarios.ScenarioRegistry}. Implement it in your jar and
 * list the class in {@code META-INF/services/dev.homestak.scenarios.spi.ScenarioProvider}; homestak finds it
 * through {@link java.util.ServiceLoader}.
 */
public interface ScenarioProvider {

    /** The scenarios this provider adds; names must not clash with other providers'. */
    List<Scenario> scenarios();
}
