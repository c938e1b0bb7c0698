package dev.homestak.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.core.Facts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Starting and waiting for provisioned VMs in parallel (simulator boot time 300 ms)")
class ParallelVmsTest {

    @TempDir
    Path tmp;

    private SimHost pve;

    @BeforeEach
    void start() throws Exception {
        pve = SimHost.start(tmp, SimHost.timing(Duration.ofMillis(50), Duration.ofMillis(300)));
    }

    @AfterEach
    void stop() {
        pve.close();
    }

    private Facts provisioned(int firstId, int count) {
        List<Map<String, Object>> vms = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pve.createVm(firstId + i, "vm" + (i + 1));
            vms.add(Map.of("name", "vm" + (i + 1), "vmid", firstId + i));
        }
        return Facts.fromMap(Map.of(ActionKeys.PROVISIONED_VMS.name(), vms));
    }

    private Duration startAndWait(Facts facts, List<ActionResult> results) {
        long t0 = System.nanoTime();
        ActionResult r = Actions.sequence(List.of(StartVmsAction.of(), WaitForVmIpsAction.of()))
                .run(pve.ctx(facts).build())
                .get();
        results.add(r);
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    @Test
    @DisplayName("8 VMs take less than 3x the wall time of one; each gets <name>_ip, and vm_ip is the first")
    void eightAtOnce() {
        List<ActionResult> results = new ArrayList<>();
        Duration one = startAndWait(provisioned(101, 1), results);
        Duration eight = startAndWait(provisioned(201, 8), results);

        ActionResult r = results.get(1);
        assertThat(r.message())
                .startsWith("Started 8 VMs: vm1, vm2, vm3, vm4, vm5, vm6, vm7, vm8; All 8 VMs have IPs: vm1="
                        + pve.vm(201).address() + ", vm2=");
        for (int i = 1; i <= 8; i++) {
            assertThat(r.facts().get(Facts.vmIpKey("vm" + i)))
                    .contains(pve.vm(200 + i).address());
        }
        assertThat(r.facts().get(Facts.VM_IP)).contains(pve.vm(201).address());
        assertThat(one).isGreaterThanOrEqualTo(Duration.ofMillis(300)); // the boot time is really waited for
        assertThat(eight).as("8 VMs took %s, one took %s", eight, one).isLessThan(one.multipliedBy(3));
    }
}
