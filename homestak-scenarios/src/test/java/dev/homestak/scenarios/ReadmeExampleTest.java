package dev.homestak.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.actions.Ports;
import dev.homestak.core.Secret;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code shown in homestak-scenarios/README.md, kept compiling and passing here. */
@DisplayName("README examples")
class ReadmeExampleTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("embedding: build a runner once, run a registered scenario, read the report")
    void embedding() {
        StringWriter eventStream = new StringWriter();
        // README: embedding
        ScenarioRunner runner = ScenarioRunner.builder()
                .host("pve") // the PVE node, as reports show it
                .ports(Ports.defaults()) // processes, SSH, clock, ...: yours or the runner's
                .reportDir(dir.resolve("reports")) // JSON, Markdown, JUnit XML
                .listener(event -> System.out.println(event)) // live events
                .listener(JsonLinesListener.to(eventStream)) // versioned JSON lines ("v":1)
                .redact(List.of(Secret.of("s3cr3t-token"))) // masked in every output
                .build();

        Scenario scenario = ScenarioRegistry.load().find("hello").get();
        RunOptions options = RunOptions.builder()
                .timeout(Duration.ofMinutes(10)) // cancels the running phase
                .cleanup(CleanupPolicy.ON_SUCCESS) // keep failed environments
                .contextFile(dir.resolve("context.json")) // read before, written after
                .build();

        RunReport report = runner.run(scenario, options) // Either<RunFailure, RunReport>
                .getOrElseThrow(failure -> new IllegalArgumentException(failure.message()));

        System.out.println(report.outcome() + " " + report.files());
        report.firstFailure().ifPresent(p -> System.out.println(p.name() + ": " + p.message()));
        // README: end

        assertThat(report.outcome()).isEqualTo(RunOutcome.PASSED);
        assertThat(report.files()).hasSize(4);
        assertThat(eventStream.toString().lines()).hasSize(5).allMatch(l -> l.startsWith("{\"v\":1,"));
    }

    @Test
    @DisplayName("cancelling: start, cancel (Ctrl-C), the cleanup policy still applies")
    void cancelling() throws Exception {
        TestActions actions = new TestActions();
        Scenario constructor =
                Scenario.of("c", "d", List.of(Phase.of("wait_ip", "Wait", actions.blockUntilCancelled("wait_ip"))));
        Scenario destructor = Scenario.of("d", "d", List.of(Phase.of("destroy", "Destroy", actions.pass("destroy"))));
        Scenario scenario = Scenario.roundtrip("rt", "d", constructor, destructor);
        ScenarioRunner runner = ScenarioRunner.builder().noReports().build();
        // README: cancel
        RunHandle handle = runner.start(scenario, RunOptions.defaults()).get();
        actions.blocking.await(); // (test only: wait until the phase runs)
        handle.cancel(); // 1st: stop the phase, then clean up
        RunReport report = handle.await(); // INTERRUPTED (or CLEANUP_FAILED)
        // README: end
        assertThat(report.outcome()).isEqualTo(RunOutcome.INTERRUPTED);
        assertThat(report.cleanup().cleaned()).containsExactly("destroy: destroy done");
    }
}
