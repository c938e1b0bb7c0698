package dev.homestak.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@DisplayName("@ProxmoxSimulator")
class ProxmoxSimulatorExtensionTest {

    @Nested
    @ProxmoxSimulator
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("per class")
    class PerClass {

        private Simulator fromBeforeAll;

        @BeforeAll
        void remember(Simulator sim) {
            fromBeforeAll = sim;
        }

        @Test
        @DisplayName("injects one running simulator shared by the class")
        void injected(Simulator sim) throws IOException {
            assertThat(sim).isSameAs(fromBeforeAll);
            assertThat(new TestApi(sim).get("/version").status()).isEqualTo(200);
        }
    }

    @Nested
    @ProxmoxSimulator(perMethod = true, profile = "profiles/fast.yaml", node = "lab")
    @DisplayName("per method with a profile")
    class PerMethod {

        @Test
        @DisplayName("starts a fresh simulator, with the node and profile given, well under a second")
        void fresh(Simulator sim) throws IOException {
            assertThat(sim.node()).isEqualTo("lab");
            assertThat(sim.vms()).isEmpty();
            TestApi api = new TestApi(sim);
            api.task("/nodes/lab/qemu", "vmid", "100");
            // the profile makes the 1st POST .../status/start fail with 503
            assertThat(api.post("/nodes/lab/qemu/100/status/start").status()).isEqualTo(503);
        }

        @Test
        @DisplayName("starts quickly")
        void quick() {
            long start = System.nanoTime();
            try (Simulator sim = Simulator.builder().start().get()) {
                assertThat(sim.port()).isPositive();
            }
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
        }
    }
}
