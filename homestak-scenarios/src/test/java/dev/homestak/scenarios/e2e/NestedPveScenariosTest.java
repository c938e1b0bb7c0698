package dev.homestak.scenarios.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.actions.ActionKeys;
import dev.homestak.core.Facts;
import dev.homestak.scenarios.PhaseResult;
import dev.homestak.scenarios.PhaseStatus;
import dev.homestak.scenarios.RunOptions;
import dev.homestak.scenarios.RunOutcome;
import dev.homestak.scenarios.RunReport;
import dev.homestak.sim.Simulator;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("nested-pve scenarios against the simulator (inner PVE simulated, playbooks stood in)")
class NestedPveScenariosTest {

    @TempDir
    Path dir;

    SimSite site;

    @BeforeEach
    void start() {
        site = SimSite.start(dir);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    @DisplayName("nested-pve-roundtrip: inner PVE, test VM inside it, SSH chain, then everything removed")
    void roundtrip() {
        RunReport report = site.runner()
                .run(site.registered("nested-pve-roundtrip"), RunOptions.defaults())
                .get();

        assertThat(report.phases())
                .extracting(PhaseResult::name)
                .containsExactly(
                        "provision",
                        "start_vm",
                        "wait_ip",
                        "install_pve",
                        "configure",
                        "download_image",
                        "test_vm_apply",
                        "test_vm_start",
                        "test_vm_wait",
                        "verify",
                        "cleanup_remote",
                        "stop_inner",
                        "destroy_inner");
        assertThat(report.phases())
                .allSatisfy(p ->
                        assertThat(p.status()).as(p.name() + ": " + p.message()).isEqualTo(PhaseStatus.PASSED));
        assertThat(report.outcome()).isEqualTo(RunOutcome.PASSED);
        assertThat(report.facts().get(Facts.TEST_IP)).isPresent();
        assertThat(site.standIns.plays())
                .containsExactly(
                        "playbooks/pve-install.yml@"
                                + report.facts().get(Facts.INNER_IP).get(),
                        "playbooks/nested-pve-setup.yml@"
                                + report.facts().get(Facts.INNER_IP).get());
        assertThat(site.sim.vms()).isEmpty();
    }

    @Test
    @DisplayName("nested-pve-constructor leaves the inner PVE serving the test VM; the destructor cleans both levels")
    void constructorThenDestructor() {
        RunReport built = site.runner()
                .run(
                        site.scenario("nested-pve-constructor"),
                        RunOptions.builder()
                                .contextFile(dir.resolve("nested.ctx.json"))
                                .build())
                .get();

        assertThat(built.phases())
                .allSatisfy(p ->
                        assertThat(p.status()).as(p.name() + ": " + p.message()).isEqualTo(PhaseStatus.PASSED));
        int innerId = built.facts().get(Facts.vmIdKey("nested-pve")).orElseThrow();
        Simulator inner = site.sim.nested(innerId).orElseThrow();
        assertThat(inner.vm(99900))
                .hasValueSatisfying(vm -> assertThat(vm.name()).isEqualTo("test"));
        assertThat(built.facts().get(ActionKeys.INNER_API_TOKEN)).isPresent();

        RunReport destroyed = site.runner()
                .run(
                        site.scenario("nested-pve-destructor"),
                        RunOptions.builder().initialFacts(built.facts()).build())
                .get();

        assertThat(destroyed.phases())
                .allSatisfy(p ->
                        assertThat(p.status()).as(p.name() + ": " + p.message()).isEqualTo(PhaseStatus.PASSED));
        assertThat(destroyed.phases().get(0).message()).contains("Destroyed VM 99900 (test)");
        assertThat(inner.vms()).isEmpty();
        assertThat(site.sim.vms()).isEmpty();
    }

    @Test
    @DisplayName(
            "nested-pve-destructor with nothing built: the unreachable nested PVE is nothing to clean, every phase passes")
    void destructorWithNothingBuilt() {
        RunReport report = site.runner()
                .run(site.scenario("nested-pve-destructor"), RunOptions.defaults())
                .get();

        assertThat(report.outcome()).isEqualTo(RunOutcome.PASSED);
        assertThat(report.phase("cleanup_remote").orElseThrow().message())
                .isEqualTo("Nothing to clean up on the nested PVE (No inner_ip in context)");
        assertThat(report.phase("stop_inner").orElseThrow().message()).isEqualTo("No VM of env nested-pve exists");
        assertThat(report.phase("destroy_inner").orElseThrow().message())
                .isEqualTo("No VM of env nested-pve left on sim");
    }
}
