package dev.homestak.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Fault injection")
class FaultInjectionTest {

    private Simulator sim;

    private TestApi start(FaultRule... rules) {
        SimulatorBuilder builder = Simulator.builder();
        for (FaultRule rule : rules) {
            builder.fault(rule);
        }
        sim = builder.start().get();
        return new TestApi(sim, sim.apiToken().reveal(), Duration.ofMillis(500));
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Nested
    @DisplayName("HTTP faults")
    class Http {

        @Test
        @DisplayName("a script fires on exactly the n-th matching request: the 2nd POST .../status/start gets a 500")
        void nth500() throws IOException {
            TestApi api = start(FaultRule.builder(FaultKind.HTTP_500)
                    .method("POST")
                    .path("/status/start$")
                    .nth(2)
                    .build());
            api.task("/nodes/pve/qemu", "vmid", "100");
            api.task("/nodes/pve/qemu", "vmid", "101");
            assertThat(api.post("/nodes/pve/qemu/100/status/start").status()).isEqualTo(200);
            TestApi.Reply second = api.post("/nodes/pve/qemu/101/status/start");
            assertThat(second.status()).isEqualTo(500);
            assertThat(second.reason()).isEqualTo("got no worker upid - start worker failed");
            assertThat(api.post("/nodes/pve/qemu/101/status/start").status()).isEqualTo(200);
            assertThat(sim.faultCount(FaultKind.HTTP_500)).isEqualTo(1);
            assertThat(sim.faults().get(0).target()).isEqualTo("POST /nodes/pve/qemu/101/status/start");
        }

        @Test
        @DisplayName("503 and 596 come with their reasons")
        void proxyErrors() throws IOException {
            TestApi api = start(
                    FaultRule.builder(FaultKind.HTTP_503)
                            .path("^/version$")
                            .nth(1)
                            .build(),
                    FaultRule.builder(FaultKind.HTTP_596)
                            .path("^/version$")
                            .nth(2)
                            .build());
            TestApi.Reply first = api.get("/version");
            TestApi.Reply second = api.get("/version");
            assertThat(first.status()).isEqualTo(503);
            assertThat(second.status()).isEqualTo(596);
            assertThat(second.reason()).isEqualTo("Connection timed out");
            assertThat(api.get("/version").status()).isEqualTo(200);
        }

        @Test
        @DisplayName("a reset closes the connection without a response")
        void reset() {
            TestApi api = start(FaultRule.builder(FaultKind.CONNECTION_RESET)
                    .path("^/version$")
                    .build());
            assertThatThrownBy(() -> api.get("/version")).isInstanceOf(IOException.class);
            assertThat(sim.faultCount(FaultKind.CONNECTION_RESET)).isEqualTo(1);
            assertThat(sim.requests()).anyMatch(r -> r.path().equals("/version") && r.status() == 0);
        }

        @Test
        @DisplayName("a slow response outlasts the client's read timeout")
        void slow() {
            TestApi api = start(FaultRule.builder(FaultKind.SLOW_RESPONSE)
                    .path("^/nodes$")
                    .delay(Duration.ofSeconds(2))
                    .build());
            assertThatThrownBy(() -> api.get("/nodes")).isInstanceOf(java.net.SocketTimeoutException.class);
            assertThat(sim.faultCount(FaultKind.SLOW_RESPONSE)).isEqualTo(1);
        }

        @Test
        @DisplayName("a lock timeout is PVE's 500 naming the VM's lock file")
        void lockTimeout() throws IOException {
            TestApi api = start(FaultRule.builder(FaultKind.LOCK_TIMEOUT)
                    .method("PUT")
                    .path("/config$")
                    .build());
            api.task("/nodes/pve/qemu", "vmid", "123");
            TestApi.Reply reply = api.put("/nodes/pve/qemu/123/config", "cores", "2");
            assertThat(reply.status()).isEqualTo(500);
            assertThat(reply.reason()).isEqualTo("can't lock file '/var/lock/qemu-server/lock-123.conf' - got timeout");
        }

        @Test
        @DisplayName("a task failure ends the task with the error text and undoes a create")
        void taskFailure() throws IOException {
            TestApi api = start(FaultRule.builder(FaultKind.TASK_FAILURE)
                    .method("POST")
                    .path("/qemu$")
                    .message("unable to create VM 100 - cfs-lock 'storage-local-lvm' error: got lock request timeout")
                    .nth(1)
                    .build());
            var status = api.task("/nodes/pve/qemu", "vmid", "100");
            assertThat(status.path("exitstatus").asText()).startsWith("unable to create VM 100 - cfs-lock");
            assertThat(sim.vm(100)).isEmpty();
        }
    }

    @Nested
    @DisplayName("guest faults")
    class Guest {

        @Test
        @DisplayName("an agent that never gets ready keeps answering 'QEMU guest agent is not running'")
        void agent() throws IOException {
            TestApi api = start(
                    FaultRule.builder(FaultKind.AGENT_NEVER_READY).vmid(100).build());
            api.createAndStart(100);
            api.createAndStart(101);
            assertThat(api.post("/nodes/pve/qemu/100/agent/ping").reason())
                    .isEqualTo("QEMU guest agent is not running");
            assertThat(api.post("/nodes/pve/qemu/101/agent/ping").status()).isEqualTo(200);
            assertThat(sim.faultCount(FaultKind.AGENT_NEVER_READY)).isEqualTo(1);
        }

        @Test
        @DisplayName("refused SSH leaves the VM's SSH port closed")
        void ssh() throws IOException {
            TestApi api =
                    start(FaultRule.builder(FaultKind.SSH_REFUSED).vmid(100).build());
            api.createAndStart(100);
            VmView vm = sim.vm(100).orElseThrow();
            assertThat(vm.sshUp()).isFalse();
            assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress(vm.address(), vm.sshPort()), 2000))
                    .isInstanceOf(IOException.class);
            assertThat(sim.faultCount(FaultKind.SSH_REFUSED)).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("faults by rate are reproducible: the same seed gives the same sequence")
    void seeded() throws IOException {
        assertThat(pattern(42)).isEqualTo(pattern(42)).contains(200, 500);
    }

    private List<Integer> pattern(long seed) throws IOException {
        try (Simulator s = Simulator.builder()
                .seed(seed)
                .fault(FaultRule.builder(FaultKind.HTTP_500)
                        .path("^/version$")
                        .rate(0.5)
                        .build())
                .start()
                .get()) {
            TestApi api = new TestApi(s);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                statuses.add(api.get("/version").status());
            }
            return statuses;
        }
    }

    @Test
    @DisplayName("unknown or malformed parameters get PVE's 400 with the errors map")
    void validation() throws IOException {
        TestApi api = start();
        TestApi.Reply reply = api.post("/nodes/pve/qemu", "vmid", "100", "bogus", "1", "cores", "many");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.reason()).isEqualTo("Parameter verification failed.");
        assertThat(reply.body().path("errors").path("bogus").asText())
                .isEqualTo("property is not defined in schema and the schema does not allow additional properties");
        assertThat(reply.body().path("errors").has("cores")).isTrue();
        assertThat(sim.vm(100)).isEmpty();
    }
}
