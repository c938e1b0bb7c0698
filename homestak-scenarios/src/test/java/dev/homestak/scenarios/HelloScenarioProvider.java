package dev.homestak.scenarios;

import dev.homestak.actions.ActionResult;
import dev.homestak.scenarios.spi.ScenarioProvider;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.List;

/** A user's scenario, registered through META-INF/services like any jar would (README example). */
public final class HelloScenarioProvider implements ScenarioProvider {

    @Override
    public List<Scenario> scenarios() {
        Phase greet = Phase.of("greet", "Say hello", ctx -> {
            ctx.progress("hello from a custom scenario");
            return Either.right(ActionResult.of("said hello"));
        });
        Scenario hello = Scenario.of("hello", "Say hello (custom scenario)", List.of(greet))
                .withAttributes(ScenarioAttributes.defaults()
                        .withExpectedRuntime(Duration.ofSeconds(1))
                        .withRequiresHostConfig(false));
        return List.of(hello);
    }
}
