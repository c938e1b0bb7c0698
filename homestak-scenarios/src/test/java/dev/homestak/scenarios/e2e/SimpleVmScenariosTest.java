package dev.homestak.scenarios.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.core.Facts;
import dev.homestak.proxmox.ProxmoxClient;
import dev.homestak.proxmox.model.CreateVmRequest;
import dev.homestak.scenarios.PhaseResult;
import dev.homestak.scenarios.PhaseStatus;
import dev.homestak.scenarios.RunOptions;
import dev.homestak.scenarios.RunOutcome;
import dev.homestak.scenarios.RunReport;
import dev.homestak.sim.PowerState;
import dev.homestak.sim.VmView;
import java.nio.file.Path;
import java.time.Duration;
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
        RunReport built = site.runner()
                .run(site.scenario("simple-vm-constructor"), RunOptions.defaults())
                .get();

        assertThat(built.phases()).extracting(PhaseResult::status).containsOnly(PhaseStatus.PASSED);
        assertThat(built.outcome()).isEqualTo(RunOutcome.PASSED);
        VmView vm = site.sim.vm(99900).orElseThrow();
        assertThat(vm.status()).isEqualTo(PowerState.RUNNING);
        assertThat(vm.name()).isEqualTo("test");
        assertThat(vm.config().get("tags"))
                .contains("homestak")
                .contains(built.runId().toLowerCase());
        assertThat(built.facts().get(Facts.VM_IP)).contains(vm.address());

        RunReport destroyed = site.runner()
                .run(site.scenario("simple-vm-destructor"), RunOptions.defaults())
                .get();

        assertThat(destroyed.outcome()).isEqualTo(RunOutcome.PASSED);
        assertThat(destroyed.phases().get(0).message()).contains("Destroyed VM 99900 (test)");
        assertThat(site.sim.vms()).isEmpty();
    }

    @Test
    @DisplayName("a VM with another name at the env's id is never the env's: provision refuses it, destroy leaves it")
    void foreignVmAtTheEnvsId() {
        ProxmoxClient pve = site.clients.forHost(site.host).get();
        pve.node(site.sim.node())
                .qemu()
                .create(CreateVmRequest.builder(99900).name("handmade").build())
                .flatMap(t -> t.await(Duration.ofSeconds(10)))
                .get();

        RunReport built = site.runner()
                .run(site.scenario("simple-vm-constructor"), RunOptions.defaults())
                .get();
        RunReport destroyed = site.runner()
                .run(site.scenario("simple-vm-destructor"), RunOptions.defaults())
                .get();

        assertThat(built.phase("provision").orElseThrow().message())
                .contains("VM 99900 already exists")
                .contains("'handmade', not 'test'");
        assertThat(destroyed.outcome()).isEqualTo(RunOutcome.PASSED);
        assertThat(destroyed.phases().get(0).message()).isEqualTo("No VM of env test left on sim");
        assertThat(site.sim.vms())
                .singleElement()
                .satisfies(vm -> assertThat(vm.name()).isEqualTo("handmade"));
    }
}
