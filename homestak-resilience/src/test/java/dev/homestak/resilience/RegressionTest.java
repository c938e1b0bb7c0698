package dev.homestak.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.homestak.core.ConfigResolver;
import dev.homestak.core.SiteConfig;
import dev.homestak.scenarios.RunOptions;
import dev.homestak.scenarios.RunOutcome;
import dev.homestak.sim.FaultKind;
import dev.homestak.sim.FaultRule;
import java.io.IOException;
import java.nio.file.Files;
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
        try (SimSite site = SimSite.start(
                dir,
                b -> b.fault(FaultRule.builder(FaultKind.HTTP_596)
                        .method("POST")
                        .path("/status/stop$")
                        .nth(1)
                        .build()))) {
            Runs.Finished run = Runs.run(site, dir, SimSite.scenario("simple-vm-roundtrip"), RunOptions.defaults());

            assertThat(run.report().outcome())
                    .as(run.report().failureSummary().orElse(""))
                    .isEqualTo(RunOutcome.PASSED);
            assertThat(site.sim.vms()).isEmpty();
        }
    }

    @Test
    @DisplayName("the built-in sim host runs simple-vm-roundtrip: exit 0")
    void builtInSimHost() throws Exception {
        Path dir = Outputs.dir("regressions/builtin-sim");
        CliProcess.Result r =
                CliProcess.run(dir, java.util.Map.of(), java.util.List.of("-S", "simple-vm-roundtrip", "-H", "sim"));

        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    @Test
    @DisplayName("a template name with a NUL character is a one-line config failure, not an exception")
    void nulInTemplateName() throws IOException {
        Path site = Outputs.dir("known-bugs/nul").resolve("site-config");
        BadInputTest.copy(BadInputTest.FIXTURE, site);
        Files.writeString(
                site.resolve("envs/test.yaml"),
                "vmid_base: 99900\nvms:\n  - name: test\n    template: \"te\\u0000st\"\n");
        SiteConfig config = SiteConfig.load(site).get();

        assertThatCode(() -> ConfigResolver.of(config).resolveEnv("test", "pve"))
                .doesNotThrowAnyException();
        assertThat(ConfigResolver.of(config).resolveEnv("test", "pve").getLeft().message())
                .contains("envs/test.yaml");
    }

    @Test
    @DisplayName("two envs with the same image at once on a fresh host: both pass")
    void imageDownloadRace() throws Exception {
        Path dir = Outputs.dir("known-bugs/image-race");
        try (SimSite site = SimSite.start(
                dir, b -> b.timing(dev.homestak.sim.Timing.realistic().withSpeedFactor(0.02)))) {
            var options = (java.util.function.Function<String, RunOptions>)
                    env -> RunOptions.builder().env(env).build();
            var a = java.util.concurrent.CompletableFuture.supplyAsync(() -> Runs.run(
                    site, dir.resolve("test"), SimSite.scenario("simple-vm-roundtrip"), options.apply("test")));
            var b = java.util.concurrent.CompletableFuture.supplyAsync(() -> Runs.run(
                    site, dir.resolve("other"), SimSite.scenario("simple-vm-roundtrip"), options.apply("other")));

            assertThat(a.get().report().outcome()).isEqualTo(RunOutcome.PASSED);
            assertThat(b.get().report().outcome()).isEqualTo(RunOutcome.PASSED);
        }
    }
}
