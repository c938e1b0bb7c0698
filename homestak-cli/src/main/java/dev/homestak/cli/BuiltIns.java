package dev.homestak.cli;

import dev.homestak.scenarios.BuiltInScenarios;
import dev.homestak.scenarios.Scenario;
import dev.homestak.scenarios.StandardScenarioActions;

/**
 * Binds the built-in scenarios to the site-config the CLI has already loaded. The registered instances
 * load the site-config again from the host's file for every env they resolve, and the {@code sim} host's
 * built-in site has no files; bound to the loaded site (with {@code sim} among its nodes) they resolve the
 * same envs without reading anything.
 */
final class BuiltIns {

    private BuiltIns() {}

    /** The same scenario built on the target's site, if it is a built-in one and the target has a site. */
    static Scenario bind(Scenario scenario, RunTarget target) {
        return target.site()
                .flatMap(site -> BuiltInScenarios.all(StandardScenarioActions.forSite(site)).stream()
                        .filter(s -> s.name().equals(scenario.name()))
                        .findFirst())
                .orElse(scenario);
    }
}
