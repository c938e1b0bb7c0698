package dev.homestak.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homestak.core.ManualClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("SDN configuration and task stop")
class SdnAndTaskStopTest {

    @Nested
    @ProxmoxSimulator(perMethod = true)
    @DisplayName("SDN")
    class Sdn {

        @Test
        @DisplayName(
                "writes stay pending (state new) until PUT /cluster/sdn applies them; then the node reports the zone")
        void pendingUntilApplied(Simulator sim) throws IOException {
            TestApi api = new TestApi(sim);
            assertThat(api.post("/cluster/sdn/zones", "zone", "lab", "type", "simple")
                            .status())
                    .isEqualTo(200);
            assertThat(api.post("/cluster/sdn/vnets", "vnet", "labnet", "zone", "lab")
                            .status())
                    .isEqualTo(200);
            assertThat(api.get("/cluster/sdn/zones", "pending", "1")
                            .data()
                            .get(0)
                            .path("state")
                            .asText())
                    .isEqualTo("new");
            assertThat(api.get("/nodes/pve/sdn/zones").data()).isEmpty();

            TestApi.Reply apply = api.put("/cluster/sdn");
            assertThat(apply.status()).isEqualTo(200);
            JsonNode applied = api.await(apply.data().asText());
            assertThat(applied.path("exitstatus").asText()).isEqualTo("OK");
            assertThat(applied.path("type").asText()).isEqualTo("reloadnetworkall");
            JsonNode zones = api.get("/nodes/pve/sdn/zones").data();
            assertThat(zones.get(0).path("zone").asText()).isEqualTo("lab");
            assertThat(zones.get(0).path("status").asText()).isEqualTo("available");
            assertThat(api.get("/cluster/sdn/zones", "pending", "1")
                            .data()
                            .get(0)
                            .has("state"))
                    .isFalse();
            assertThat(api.get("/cluster/sdn/vnets").data().get(0).path("zone").asText())
                    .isEqualTo("lab");
        }

        @Test
        @DisplayName(
                "refuses duplicates, a vnet in a missing zone, and deleting what is still in use, with PVE's texts")
        void refusals(Simulator sim) throws IOException {
            TestApi api = new TestApi(sim);
            assertThat(api.post("/cluster/sdn/vnets", "vnet", "orphan", "zone", "nozone")
                            .reason())
                    .contains("does not exist");
            api.post("/cluster/sdn/zones", "zone", "lab", "type", "simple");
            assertThat(api.post("/cluster/sdn/zones", "zone", "lab", "type", "simple")
                            .reason())
                    .isEqualTo("create sdn zone object failed: sdn zone object ID 'lab' already defined");
            api.post("/cluster/sdn/vnets", "vnet", "labnet", "zone", "lab");
            api.post(
                    "/cluster/sdn/vnets/labnet/subnets",
                    "subnet",
                    "10.10.0.0/24",
                    "type",
                    "subnet",
                    "gateway",
                    "10.10.0.1");
            TestApi.Reply vnetInUse = api.delete("/cluster/sdn/vnets/labnet");
            assertThat(vnetInUse.status()).isEqualTo(400);
            assertThat(vnetInUse.body().path("errors").path("vnet").asText())
                    .isEqualTo("Can't delete vnet if subnets exists");
            assertThat(api.delete("/cluster/sdn/zones/lab").reason()).contains("zone lab is used by vnet labnet");

            JsonNode subnet =
                    api.get("/cluster/sdn/vnets/labnet/subnets").data().get(0);
            assertThat(subnet.path("subnet").asText()).isEqualTo("lab-10.10.0.0-24");
            assertThat(subnet.path("gateway").asText()).isEqualTo("10.10.0.1");
            assertThat(api.delete("/cluster/sdn/vnets/labnet/subnets/lab-10.10.0.0-24")
                            .status())
                    .isEqualTo(200);
            assertThat(api.delete("/cluster/sdn/vnets/labnet").status()).isEqualTo(200);
            assertThat(api.delete("/cluster/sdn/zones/lab").status()).isEqualTo(200);
            assertThat(api.get("/cluster/sdn/zones").data()).isEmpty();
        }
    }

    @Test
    @DisplayName("DELETE on a running task interrupts it: its work never happens and it ends 'interrupted by signal'")
    void stopTask() throws IOException {
        ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        try (Simulator sim = Simulator.builder()
                .clock(clock)
                .timing(Timing.realistic().withSpeedFactor(1))
                .start()
                .get()) {
            TestApi api = new TestApi(sim);
            String upid = api.post("/nodes/pve/qemu", "vmid", "100").data().asText();
            assertThat(sim.tasks()).anyMatch(t -> t.upid().equals(upid) && t.running());
            assertThat(api.delete("/nodes/pve/tasks/" + upid).status()).isEqualTo(200);
            JsonNode status = api.get("/nodes/pve/tasks/" + upid + "/status").data();
            assertThat(status.path("status").asText()).isEqualTo("stopped");
            assertThat(status.path("exitstatus").asText()).isEqualTo("interrupted by signal");
            clock.advance(Duration.ofMinutes(5));
            sim.advance();
            assertThat(sim.vms()).isEmpty();
        }
    }
}
