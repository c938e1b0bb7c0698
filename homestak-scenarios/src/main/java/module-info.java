/**
 * Scenarios, phases, the {@code ScenarioRunner}, run events and reports, and the built-in scenarios.
 * {@code dev.homestak.scenarios} is the API and {@code dev.homestak.scenarios.spi} the extension point (scenario
 * providers found by {@link java.util.ServiceLoader}); {@code dev.homestak.scenarios.internal} is not exported.
 */
module dev.homestak.scenarios {
    requires transitive dev.homestak.actions;
    requires static org.jspecify;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires java.management;

    exports dev.homestak.scenarios;
    exports dev.homestak.scenarios.builtin;
    exports dev.homestak.scenarios.spi;

    uses dev.homestak.scenarios.spi.ScenarioProvider;

    provides dev.homestak.scenarios.spi.ScenarioProvider with
            dev.homestak.scenarios.internal.BuiltInScenarioProvider;
}
