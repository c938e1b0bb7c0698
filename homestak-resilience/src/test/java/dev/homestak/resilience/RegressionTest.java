package dev.homestak.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.scenarios.RunOptions;
import dev.homestak.scenarios.RunOutcome;
import dev.homestak.sim.FaultKind;
import dev.homestak.sim.FaultRule;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Bugs this suite found that are fixed on main: kept as regression tests. */
@Order(80)
@DisplayName("regressions: bugs found by the suite, now fixed")
class RegressionTest {

    @Test
    @DisplayName("a lost answer to the destroy phase's stop request: destroy re-reads the state, the VM is removed")
    void unknownOutcomeOfStop() {
        Path dir = Outputs.dir("regressions/stop-596");
        try (SimSite site = SimSite.start(dir, b -> b.fault(FaultRule.builder(FaultKind.HTTP_596).method("POST")
                .path("/status/stop$").nth(1).build()))) {
            Runs.Finished run = Runs.run(site, dir, SimSite.scenario("simple-vm-roundtrip"), RunOptions.defaults());

            assertThat(run.report().outcome()).as(run.report().failureSummary().orElse("")).isEqualTo(RunOutcome.PASSED);
            assertThat(site.sim.vms()).isEmpty();
        }
    }

    @Test
    @DisplayName("the built-in sim host runs simple-vm-roundtrip: exit 0")
    void builtInSimHost() throws Exception {
        Path dir = Outputs.dir("regressions/builtin-sim");
        CliProcess.Result r = CliProcess.run(dir, java.util.Map.of(), java.util.List.of("-S", "simple-vm-roundtrip", "-H", "sim"));

        assertThat(r.exitCode()).as(r.err()).isZero();
    }
}
