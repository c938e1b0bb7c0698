package dev.homestak.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Simulator profiles (YAML)")
class SimProfileTest {

    @Nested
    @DisplayName("a valid profile")
    class Valid {

        @Test
        @DisplayName("gives timing (over the realistic defaults), faults and seed")
        void full(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("sim.yaml");
            Files.writeString(file, """
                    seed: 42
                    timing:
                      speed: 0.5
                      boot: 10s
                      lock_timeout: 500ms
                      tasks: {qmclone: 1m}
                    faults:
                      - kind: agent_never_ready
                        vmid: 101
                      - kind: http_500
                        rate: 0.25
                        message: "got no worker upid - start worker failed"
                    """);
            SimProfile profile = SimProfile.load(file).get();
            assertThat(profile.seed()).hasValue(42);
            Timing timing = profile.timing().orElseThrow();
            assertThat(timing.bootTime()).isEqualTo(Duration.ofSeconds(10));
            assertThat(timing.task("qmclone")).isEqualTo(Duration.ofSeconds(30));
            assertThat(timing.scaled(timing.lockTimeout())).isEqualTo(Duration.ofMillis(250));
            assertThat(profile.faults()).hasSize(2);
            assertThat(profile.faults().get(0).vmid()).hasValue(101);
            assertThat(profile.faults().get(1).rate()).isEqualTo(0.25);
        }

        @Test
        @DisplayName("may be empty")
        void empty() {
            assertThat(SimProfile.parse("empty.yaml", "").get().faults()).isEmpty();
        }

        @Test
        @DisplayName("inner_non_routable: true makes nested APIs reachable only through SSH forwarding")
        void innerNonRoutable() {
            assertThat(SimProfile.parse("p.yaml", "inner_non_routable: true")
                            .get()
                            .innerNonRoutable())
                    .hasValue(true);
            assertThat(SimProfile.parse("p.yaml", "seed: 1").get().innerNonRoutable())
                    .isEmpty();
            assertThat(SimProfile.parse("p.yaml", "inner_non_routable: 3")
                            .getLeft()
                            .message())
                    .isEqualTo("p.yaml: inner_non_routable: must be true or false");
        }
    }

    @Nested
    @DisplayName("a bad profile")
    class Bad {

        @Test
        @DisplayName("names the file and the key path of the problem in one line")
        void messages() {
            assertThat(SimProfile.parse("p.yaml", "timing: {bot: 1s}").getLeft().message())
                    .isEqualTo("p.yaml: timing.bot: unknown key (expected one of agent_ready, boot, default_task, "
                            + "lock_timeout, speed, ssh_ready, tasks)");
            assertThat(SimProfile.parse("p.yaml", "faults: [{kind: http_502}]")
                            .getLeft()
                            .message())
                    .startsWith("p.yaml: faults[0].kind: unknown fault kind 'http_502' (one of http_500,");
            assertThat(SimProfile.parse("p.yaml", "faults: [{kind: http_500, rate: 2}]")
                            .getLeft()
                            .message())
                    .isEqualTo("p.yaml: faults[0].rate: must be a number from 0 to 1");
            assertThat(SimProfile.parse("p.yaml", "timing: {boot: soon}")
                            .getLeft()
                            .message())
                    .isEqualTo("p.yaml: timing.boot: not a duration 'soon' (write e.g. 250ms, 2s, 1.5m)");
            assertThat(SimProfile.parse("p.yaml", "seed: [").getLeft().message())
                    .startsWith("p.yaml: not valid YAML");
        }

        @Test
        @DisplayName("that cannot be read says so")
        void missing(@TempDir Path dir) {
            assertThat(SimProfile.load(dir.resolve("nope.yaml")).getLeft()).isInstanceOf(SimFailure.Unreadable.class);
        }
    }
}
