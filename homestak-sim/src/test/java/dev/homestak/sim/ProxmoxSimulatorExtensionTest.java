package dev.homestak.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.core.HostConfig;
import dev.homestak.core.Provisioner;
import dev.homestak.proxmox.ProxmoxClient;
import java.io.IOException;
import java.net.URI;
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

    @Nested
    @ProxmoxSimulator
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("a ready client and host config")
    class ClientAndHost {

        private ProxmoxClient fromBeforeAll;

        @BeforeAll
        void remember(ProxmoxClient pve) {
            fromBeforeAll = pve;
        }

        @Test
        @DisplayName("injects a ProxmoxClient pinned to the simulator's certificate, one per simulator")
        void client(ProxmoxClient pve, Simulator sim) {
            assertThat(pve).isSameAs(fromBeforeAll);
            assertThat(pve.baseUri()).isEqualTo(sim.baseUri());
            assertThat(pve.version().get().release()).isEqualTo("9.1");
            assertThat(sim.requests()).anyMatch(r -> r.path().equals("/version") && r.status() == 200);
        }

        @Test
        @DisplayName(
                "injects the HostConfig 'sim': endpoint, token, fingerprint, provisioner api, local-lvm, VM SSH port")
        void hostConfig(HostConfig host, Simulator sim) {
            assertThat(host.name()).isEqualTo("sim");
            assertThat(host.nodeName()).isEqualTo(sim.node());
            assertThat(host.apiEndpoint()).contains(URI.create("https://127.0.0.1:" + sim.port()));
            assertThat(host.requireApiToken().get().reveal())
                    .isEqualTo(sim.apiToken().reveal());
            assertThat(host.tlsFingerprint()).contains(sim.fingerprintSha256());
            assertThat(host.provisioner()).isEqualTo(Provisioner.API);
            assertThat(host.datastore()).isEqualTo("local-lvm");
            assertThat(host.vmSshPort()).isEqualTo(sim.sshPort());
            assertThat(host.sshHost()).isEqualTo("127.0.0.1");
            assertThat(host.toString()).doesNotContain(sim.apiToken().reveal());
        }

        @Test
        @DisplayName("a client built from the host config alone reaches the simulator (what --host sim does)")
        void usable(HostConfig host) {
            try (ProxmoxClient pve = ProxmoxClient.forHost(
                            host.apiEndpoint().orElseThrow(),
                            host.requireApiToken().get(),
                            host.tlsFingerprint())
                    .get()) {
                assertThat(pve.nodes().get()).extracting(n -> n.node()).containsExactly(host.nodeName());
            }
        }

        @Test
        @DisplayName("lists the keys the VMs' SSH servers accept")
        void keys(Simulator sim) {
            String line = TestKeys.line(TestKeys.ec());
            sim.authorizeKey(line).get();
            String keyPart = line.substring(0, line.lastIndexOf(' '));
            assertThat(sim.hostConfig("lab").sshKeys()).contains(keyPart);
            assertThat(sim.hostConfig("lab").name()).isEqualTo("lab");
        }
    }
}
