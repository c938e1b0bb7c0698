package dev.homestak.scenarios.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.actions.ActionContext;
import dev.homestak.proxmox.ProxmoxClient;
import dev.homestak.proxmox.model.CreateVmRequest;
import dev.homestak.scenarios.LeftoverVm;
import dev.homestak.scenarios.Leftovers;
import dev.homestak.scenarios.RunOptions;
import dev.homestak.scenarios.RunReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("leftovers: VMs are tagged with their run and can be found and removed by tag")
class LeftoversTest {

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
    @DisplayName("a kept constructor VM is found by its run id and removed; an untagged VM is never touched")
    void discoverAndRemove() {
        RunReport kept = site.runner()
                .run(site.registered("simple-vm-constructor"), RunOptions.defaults())
                .get();
        ProxmoxClient pve = site.clients.forHost(site.host).get();
        pve.node(site.sim.node())
                .qemu()
                .create(CreateVmRequest.builder(555).name("handmade").build())
                .flatMap(t -> t.await(Duration.ofSeconds(10)))
                .get();
        ActionContext ctx = site.context();
        // README: leftovers
        List<LeftoverVm> found = Leftovers.discover(Optional.empty()).run(ctx).get(); // every homestak run
        List<LeftoverVm> ofRun =
                Leftovers.discover(Optional.of(kept.runId())).run(ctx).get();
        String removed =
                Leftovers.remove(Optional.of(kept.runId())).run(ctx).get().message();
        // README: end

        assertThat(found).singleElement().satisfies(vm -> {
            assertThat(vm.vmid()).isEqualTo(99900);
            assertThat(vm.runId()).contains(kept.runId());
        });
        assertThat(ofRun).isEqualTo(found);
        assertThat(Leftovers.discover(Optional.of("20000101-000000-000000"))
                        .run(ctx)
                        .get())
                .isEmpty();
        assertThat(removed).isEqualTo("Removed VM 99900 (test) on sim");
        assertThat(site.sim.vms())
                .singleElement()
                .satisfies(vm -> assertThat(vm.name()).isEqualTo("handmade"));
    }
}
