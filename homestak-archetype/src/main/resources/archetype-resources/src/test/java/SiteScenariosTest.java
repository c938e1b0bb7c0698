package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.scenarios.PhaseResult;
import dev.homestak.scenarios.PhaseStatus;
import dev.homestak.scenarios.RunOutcome;
import dev.homestak.scenarios.RunReport;
import dev.homestak.scenarios.ScenarioRegistry;
import dev.homestak.sim.ProxmoxSimulator;
import dev.homestak.sim.Simulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("${siteName} scenarios on the Proxmox VE simulator")
@ProxmoxSimulator(node = "${nodeName}")
class SiteScenariosTest {

    static final String NODE = Main.DEFAULT_NODE;

    @TempDir
    Path tmp;

    RunReport run(Simulator sim, String scenario, String datastore) {
        SimulatorSite site = SimulatorSite.create(sim, SiteConfigTest.SITE_CONFIG, tmp, NODE, datastore);
        Main.Options options = Main.Options.defaults().withScenario(scenario).withSiteConfig(site.siteConfig())
                .withReports(tmp.resolve("reports")).withIdentity(site.identity());
        return Main.run(options, System.out).getOrElseThrow(message -> new AssertionError(message));
    }

    @Test
    @DisplayName("homestak's registry finds ${siteName}'s scenario through ServiceLoader")
    void registered() {
        var found = ScenarioRegistry.load().find(SiteScenarios.PREFLIGHT);

        assertThat(found.isRight()).as(found.<String>fold(f -> f.message(), s -> "found")).isTrue();
        assertThat(found.get().phaseNames()).containsExactly("pve_api", "datastore");
    }

    @Nested
    @DisplayName(SiteScenarios.PREFLIGHT)
    class Preflight {

        @Test
        @DisplayName("passes against the node, records the PVE version and writes the reports")
        void passes(Simulator sim) {
            RunReport report = run(sim, SiteScenarios.PREFLIGHT, SimulatorSite.SIM_DATASTORE);

            assertThat(report.outcome()).isEqualTo(RunOutcome.PASSED);
            assertThat(report.phases()).extracting(PhaseResult::status).containsOnly(PhaseStatus.PASSED);
            assertThat(report.facts().get(PveApiCheckAction.PVE_VERSION)).contains("9.1");
            assertThat(report.files()).isNotEmpty().allSatisfy(f -> assertThat(f).isRegularFile());
        }

        @Test
        @DisplayName("fails in phase datastore, naming the datastore and the node file, when it does not exist")
        void unknownDatastore(Simulator sim) {
            RunReport report = run(sim, SiteScenarios.PREFLIGHT, "nosuch");

            assertThat(report.outcome()).isEqualTo(RunOutcome.FAILED);
            assertThat(report.firstFailure()).hasValueSatisfying(p -> {
                assertThat(p.name()).isEqualTo("datastore");
                assertThat(p.message()).contains("datastore 'nosuch' is not usable on " + NODE).contains(NODE + ".yaml");
            });
        }

        @Test
        @DisplayName("runs from the command line (Main) and never prints the API token")
        void main(Simulator sim) {
            SimulatorSite site = SimulatorSite.create(sim, SiteConfigTest.SITE_CONFIG, tmp, NODE);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int code = Main.run(List.of(SiteScenarios.PREFLIGHT, "--node", NODE, "--site-config",
                    site.siteConfig().toString(), "--reports", tmp.resolve("reports").toString()), print(out), print(err));

            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("[pve_api] ok: PVE 9.1").contains("PASSED")
                    .doesNotContain(sim.apiToken().reveal());
        }

        @Test
        @DisplayName("Main rejects an unknown node with the site-config's message and exit code 2")
        void unknownNode() {
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int code = Main.run(List.of("--node", "nosuch"), print(new ByteArrayOutputStream()), print(err));

            assertThat(code).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: unknown host 'nosuch'");
        }
    }

    static PrintStream print(ByteArrayOutputStream sink) {
        return new PrintStream(sink, true, StandardCharsets.UTF_8);
    }
}
