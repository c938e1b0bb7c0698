package dev.homestak.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.core.ManualClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Simulated time")
class TimingTest {

    private final ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    private Simulator sim;
    private TestApi api;

    @BeforeEach
    void start() {
        Timing timing = new Timing(
                Map.of("qmcreate", Duration.ofSeconds(3), "qmstart", Duration.ofSeconds(2)),
                Duration.ofSeconds(1),
                Duration.ofSeconds(20),
                Duration.ofSeconds(15),
                Duration.ofSeconds(18),
                Duration.ofSeconds(10),
                1.0);
        sim = Simulator.builder().clock(clock).timing(timing).start().get();
        api = new TestApi(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private String status(String upid) throws IOException {
        return api.get("/nodes/pve/tasks/" + upid + "/status")
                .data()
                .path("status")
                .asText();
    }

    @Nested
    @DisplayName("tasks")
    class Tasks {

        @Test
        @DisplayName("run until the clock reaches their duration, and lock the VM meanwhile")
        void duration() throws IOException {
            String create = api.post("/nodes/pve/qemu", "vmid", "100", "agent", "1")
                    .data()
                    .asText();
            assertThat(status(create)).isEqualTo("running");
            assertThat(sim.vm(100).orElseThrow().lock()).contains("create");
            assertThat(api.post("/nodes/pve/qemu/100/status/start").reason()).isEqualTo("VM is locked (create)");

            clock.advance(Duration.ofSeconds(3));
            assertThat(status(create)).isEqualTo("stopped");
            assertThat(sim.vm(100).orElseThrow().lock()).isEmpty();
        }

        @Test
        @DisplayName("a sync config change while a long task holds the lock fails with PVE's lock timeout")
        void lockTimeout() throws IOException {
            api.post("/nodes/pve/qemu", "vmid", "100");
            clock.advance(Duration.ofSeconds(3));
            // ten queued starts/stops (15 s) hold the file lock for longer than the 10 s timeout
            for (int i = 0; i < 10; i++) {
                api.post("/nodes/pve/qemu/100/status/" + (i % 2 == 0 ? "start" : "stop"));
            }
            TestApi.Reply reply = api.put("/nodes/pve/qemu/100/config", "cores", "2");
            assertThat(reply.status()).isEqualTo(500);
            assertThat(reply.reason()).isEqualTo("can't lock file '/var/lock/qemu-server/lock-100.conf' - got timeout");
        }
    }

    @Nested
    @DisplayName("a booting guest")
    class Boot {

        @Test
        @DisplayName("has no agent until agent-ready, and SSH only from ssh-ready")
        void agent() throws IOException {
            api.post("/nodes/pve/qemu", "vmid", "100", "agent", "enabled=1");
            clock.advance(Duration.ofSeconds(3));
            String start = api.post("/nodes/pve/qemu/100/status/start").data().asText();
            clock.advance(Duration.ofSeconds(2));
            assertThat(status(start)).isEqualTo("stopped");
            TestApi.Reply early = api.post("/nodes/pve/qemu/100/agent/ping");
            assertThat(early.reason()).isEqualTo("QEMU guest agent is not running");
            assertThat(sim.vm(100).orElseThrow().sshUp()).isFalse();

            clock.advance(Duration.ofSeconds(15));
            assertThat(api.post("/nodes/pve/qemu/100/agent/ping").status()).isEqualTo(200);
            assertThat(sim.vm(100).orElseThrow().sshUp()).isFalse();
            clock.advance(Duration.ofSeconds(3));
            sim.advance();
            assertThat(sim.vm(100).orElseThrow().sshUp()).isTrue();
        }

        @Test
        @DisplayName("answers agent calls on a stopped VM with 'VM <id> is not running'")
        void stopped() throws IOException {
            api.post("/nodes/pve/qemu", "vmid", "100", "agent", "1");
            clock.advance(Duration.ofSeconds(3));
            assertThat(api.post("/nodes/pve/qemu/100/agent/ping").reason()).isEqualTo("VM 100 is not running");
        }
    }

    @Test
    @DisplayName("speed factor 0 makes every duration zero")
    void instant() {
        assertThat(Timing.realistic().withSpeedFactor(0).task("qmclone")).isZero();
        assertThat(Timing.realistic().withSpeedFactor(0.5).task("qmclone")).isEqualTo(Duration.ofSeconds(4));
    }
}
