package dev.homestak.scenarios.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.core.Facts;
import dev.homestak.scenarios.PhaseResult;
import dev.homestak.scenarios.PhaseStatus;
import dev.homestak.scenarios.RunOptions;
import dev.homestak.scenarios.RunOutcome;
import dev.homestak.scenarios.RunReport;
import dev.homestak.sim.VmStatus;
import dev.homestak.sim.VmView;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("simple-vm scenarios against the simulator (provisioner: api)")
class SimpleVmScenariosTest {

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
    @DisplayName("simple-vm-constructor creates, starts and reaches the test VM; the destructor removes it")
    void constructorThenDestructor() {
        RunReport built = site.runner().run(site.scenario("simple-vm-constructor"), RunOptions.defaults()).get();

        assertThat(built.phases()).extracting(PhaseResult::status).containsOnly(PhaseStatus.PASSED);
        assertThat(built.outcome()).isEqualTo(RunOutcome.PASSED);
        VmView vm = site.sim.vm(99900).orElseThrow();
        assertThat(vm.status()).isEqualTo(VmStatus.RUNNING);
        assertThat(vm.name()).isEqualTo("test");
        assertThat(vm.config().get("tags")).contains("homestak").contains(built.runId().toLowerCase());
        assertThat(built.facts().get(Facts.VM_IP)).contains(vm.address());

        RunReport destroyed = site.runner().run(site.scenario("simple-vm-destructor"), RunOptions.defaults()).get();

        assertThat(destroyed.outcome()).isEqualTo(RunOutcome.PASSED);
        assertThat(destroyed.phases().get(0).message()).contains("Destroyed VM 99900 (test)");
        assertThat(site.sim.vms()).isEmpty();
    }
}
