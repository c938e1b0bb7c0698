package dev.homestak.scenarios.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionResult;
import dev.homestak.actions.Pve;
import dev.homestak.core.HostConfig;
import dev.homestak.scenarios.Phase;
import dev.homestak.scenarios.RunOptions;
import dev.homestak.scenarios.RunOutcome;
import dev.homestak.scenarios.RunReport;
import dev.homestak.scenarios.Scenario;
import dev.homestak.scenarios.ScenarioRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The root README's library section: the whole embedding of a custom scenario with a custom Proxmox action, in at
 * most 15 lines of user code (between the markers), against the simulator.
 */
@DisplayName("README: a custom scenario with a custom Proxmox action, embedded")
class ReadmeCustomScenarioTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName(
            "the README's custom action reads the node's status through Pve and the runner's own clients; the run passes")
    void customScenario() throws Exception {
        try (SimSite sim = SimSite.start(dir)) {
            HostConfig host = sim.host;
            Path reports = dir.resolve("reports");
            // README: custom
            Action<ActionResult> nodeUp = ctx -> Pve.host(ctx) // cancellable, retries are events
                    .flatMap(pve -> pve.call(ctx, "reading the status of " + pve.node(), node -> node.status())
                            .map(status -> ActionResult.of(
                                    pve.node() + " up " + status.uptime().orElse(0L) + " s")));
            Scenario mine = Scenario.of("node-check", "Is my node up?", List.of(Phase.of("node_up", "Check", nodeUp)));

            try (ScenarioRunner runner = ScenarioRunner.builder()
                    .hostConfig(host) // endpoint, token, TLS pin; its secrets are masked
                    .reportDir(reports) // JSON, Markdown, JUnit XML
                    .build()) { // the runner's own Proxmox clients, SSH, ...; closed here
                RunReport report = runner.run(mine, RunOptions.defaults()).get();
                System.out.println(
                        report.outcome() + ": " + report.phase("node_up").get().message());
            }
            // README: end
            List<String> lines = Files.readAllLines(
                    Path.of("src/test/java/dev/homestak/scenarios/e2e/ReadmeCustomScenarioTest.java"));
            int from = lines.indexOf("            // README: custom");
            int to = lines.indexOf("            // README: end");
            assertThat(to - from - 1).as("user code lines").isLessThanOrEqualTo(15);

            try (ScenarioRunner runner =
                    ScenarioRunner.builder().hostConfig(host).noReports().build()) {
                RunReport report = runner.run(mine, RunOptions.defaults()).get();
                assertThat(report.outcome()).isEqualTo(RunOutcome.PASSED);
                assertThat(report.phase("node_up").orElseThrow().message()).startsWith(host.nodeName() + " up ");
                assertThat(report.host()).isEqualTo(host.name());
            }
            try (var files = Files.list(reports)) {
                assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".json"));
            }
        }
    }

    @Test
    @DisplayName("hostConfig masks the host's API token by itself: it is in no report file")
    void hostSecretsMasked() throws Exception {
        try (SimSite sim = SimSite.start(dir)) {
            String token = sim.host.apiToken().orElseThrow().reveal();
            Action<ActionResult> leak = ctx -> io.vavr.control.Either.right(ActionResult.of("token=" + token));
            Path reports = dir.resolve("reports");
            try (ScenarioRunner runner = ScenarioRunner.builder()
                    .hostConfig(sim.host)
                    .reportDir(reports)
                    .build()) {
                RunReport report = runner.run(
                                Scenario.of("leak", "d", List.of(Phase.of("leak", "Leak", leak))),
                                RunOptions.defaults())
                        .get();
                assertThat(report.phase("leak").orElseThrow().message())
                        .doesNotContain(token)
                        .contains("***");
            }
            try (var files = Files.list(reports)) {
                for (Path f : files.toList()) {
                    assertThat(Files.readString(f)).as(f.toString()).doesNotContain(token);
                }
            }
        }
    }
}
