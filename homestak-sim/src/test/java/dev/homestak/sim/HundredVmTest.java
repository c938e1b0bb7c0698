package dev.homestak.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A run of 100 VMs")
class HundredVmTest {

    private static Set<Thread> simulatorThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive()
                        && !before.contains(t)
                        && !t.getName().startsWith("OkHttp")
                        && !t.getName().startsWith("Okio"))
                .collect(Collectors.toSet());
    }

    @Test
    @DisplayName("created, started, waited for and destroyed leaves no VM, thread or port behind")
    void hundred() throws Exception {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        Simulator sim = Simulator.builder()
                .timing(Timing.realistic().withSpeedFactor(0.001))
                .start()
                .get();
        TestApi api = new TestApi(sim);
        List<String> upids = new ArrayList<>();
        for (int vmid = 100; vmid < 200; vmid++) {
            upids.add(api.post(
                            "/nodes/pve/qemu",
                            "vmid",
                            Integer.toString(vmid),
                            "agent",
                            "enabled=1",
                            "scsi0",
                            "local-lvm:1")
                    .data()
                    .asText());
        }
        for (String upid : upids) {
            assertThat(api.await(upid).path("exitstatus").asText()).isEqualTo("OK");
        }
        upids.clear();
        for (int vmid = 100; vmid < 200; vmid++) {
            upids.add(
                    api.post("/nodes/pve/qemu/" + vmid + "/status/start").data().asText());
        }
        for (String upid : upids) {
            assertThat(api.await(upid).path("exitstatus").asText()).isEqualTo("OK");
        }
        for (int vmid = 100; vmid < 200; vmid++) {
            api.until(r -> r.status() == 200, "/nodes/pve/qemu/" + vmid + "/agent/network-get-interfaces");
        }
        List<VmView> running = sim.vms();
        assertThat(running).hasSize(100).allMatch(v -> v.status() == PowerState.RUNNING);
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.vms().stream().allMatch(VmView::sshUp));
        running = sim.vms();
        for (int vmid = 100; vmid < 200; vmid++) {
            api.task("/nodes/pve/qemu/" + vmid + "/status/stop");
            api.await(api.delete("/nodes/pve/qemu/" + vmid, "purge", "1").data().asText());
        }
        assertThat(sim.vms()).isEmpty();
        assertThat(api.get("/nodes/pve/storage/local-lvm/content").data()).isEmpty();
        for (VmView vm : running) {
            assertClosed(vm.address(), vm.sshPort());
        }

        int apiPort = sim.port();
        int sshPort = sim.sshPort();
        sim.close();
        api.http().connectionPool().evictAll();
        assertClosed("127.0.0.1", apiPort);
        assertClosed("127.0.0.1", sshPort);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!simulatorThreads(before).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        assertThat(simulatorThreads(before)).extracting(Thread::getName).isEmpty();
    }

    /** Closing is asynchronous (acceptor threads wind down): await the refusal with a deadline. */
    private static void assertClosed(String host, int port) throws InterruptedException {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 1000);
                return false;
            } catch (IOException refused) {
                return true;
            }
        });
    }
}
