package dev.homestak.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ScenarioRegistry")
class ScenarioRegistryTest {

    @Test
    @DisplayName("finds scenarios of every ScenarioProvider on the class path (a user's jar adds its own)")
    void serviceLoader() {
        ScenarioRegistry registry = ScenarioRegistry.load();
        Scenario hello = registry.find("hello").get();
        assertThat(hello.attributes().requiresHostConfig()).isFalse();
        RunReport report = ScenarioRunner.builder()
                .noReports()
                .build()
                .run(hello, RunOptions.defaults())
                .get();
        assertThat(report.outcome()).isEqualTo(RunOutcome.PASSED);
        assertThat(report.phases())
                .singleElement()
                .extracting(PhaseResult::message)
                .isEqualTo("said hello");
    }

    @Test
    @DisplayName("an unknown name gives the original's message with the available scenarios, sorted")
    void unknown() {
        ScenarioRegistry registry = ScenarioRegistry.of(
                List.of(Scenario.of("b-one", "d", List.of()), Scenario.of("a-one", "d", List.of())));
        assertThat(registry.find("nope").getLeft().message())
                .isEqualTo("Unknown scenario: nope. Available: a-one, b-one");
        assertThat(registry.names()).containsExactly("a-one", "b-one");
    }

    @Test
    @DisplayName("two scenarios with one name are a packaging bug")
    void clash() {
        assertThatThrownBy(() -> ScenarioRegistry.of(
                        List.of(Scenario.of("x", "d", List.of()), Scenario.of("x", "e", List.of()))))
                .hasMessageContaining("two scenarios are named x");
    }
}
