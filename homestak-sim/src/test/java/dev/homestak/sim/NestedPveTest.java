package dev.homestak.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import net.schmizz.sshj.SSHClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Nested PVE")
class NestedPveTest {

    private final KeyPair key = TestKeys.ec();
    private Simulator sim;
    private TestApi api;

    @BeforeEach
    void start() throws IOException {
        sim = Simulator.builder()
                .authorizedKeys("test", List.of(TestKeys.line(key)))
                .innerNonRoutable(false) // these tests call nested APIs directly
                .start()
                .get();
        api = new TestApi(sim);
        api.task(
                "/nodes/pve/storage/local/download-url",
                "url",
                "https://example.invalid/pve-9.qcow2",
                "filename",
                "pve-9.qcow2",
                "content",
                "import");
        api.task(
                "/nodes/pve/storage/local/download-url",
                "url",
                "https://example.invalid/debian-13.qcow2",
                "filename",
                "debian-13.qcow2",
                "content",
                "import");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    @DisplayName("a VM imported from a pve image serves its own PVE API at its address, with its own token")
    void fromImage() throws IOException {
        api.createAndStart(99800, "scsi0", "local-lvm:0,import-from=local:import/pve-9.qcow2");
        assertThat(sim.vm(99800).orElseThrow().nestedPve()).isTrue();
        Simulator inner = sim.nested(99800).orElseThrow();
        assertThat(inner.host()).isEqualTo(sim.vm(99800).orElseThrow().address());
        assertThat(inner.apiToken()).isNotEqualTo(sim.apiToken());

        TestApi innerApi = new TestApi(inner);
        assertThat(innerApi.get("/nodes").data().get(0).path("node").asText()).isEqualTo("vm99800");
        innerApi.createAndStart(100);
        VmView innerVm = inner.vm(100).orElseThrow();
        if (sim.perVmAddresses()) {
            assertThat(innerVm.address())
                    .isNotEqualTo(sim.vm(99800).orElseThrow().address())
                    .startsWith("127.16.");
        }
        assertThat(innerVm.sshUp()).isTrue();
    }

    @Test
    @DisplayName("the outer token is refused by the nested API")
    void separateTokens() throws IOException {
        api.createAndStart(200, "scsi0", "local-lvm:0,import-from=local:import/pve-9.qcow2");
        Simulator inner = sim.nested(200).orElseThrow();
        TestApi.Reply reply = new TestApi(inner, sim.apiToken().reveal(), Duration.ofSeconds(5)).get("/version");
        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    @DisplayName("a plain VM becomes a PVE host when pve-install is marked, and pveum makes a working token")
    void markedAndPveum() throws IOException {
        api.createAndStart(101, "scsi0", "local-lvm:0,import-from=local:import/debian-13.qcow2");
        assertThat(sim.nested(101)).isEmpty();
        assertThat(sim.markPveInstalled(101).isRight()).isTrue();
        Simulator inner = sim.nested(101).orElseThrow();

        VmView vm = sim.vm(101).orElseThrow();
        try (SSHClient ssh = SimulatorSshTest.connect(vm.address(), vm.sshPort(), key)) {
            assertThat(SimulatorSshTest.exec(ssh, "systemctl is-active pveproxy")
                            .out())
                    .isEqualTo("active\n");
            String json = SimulatorSshTest.exec(
                            ssh, "pveum user token add root@pam tofu --privsep 0 --output-format json")
                    .out();
            var token = new ObjectMapper().readTree(json);
            assertThat(token.path("full-tokenid").asText()).isEqualTo("root@pam!tofu");
            String full = "root@pam!tofu=" + token.path("value").asText();
            assertThat(new TestApi(inner, full, Duration.ofSeconds(5))
                            .get("/version")
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    @DisplayName("stopping the VM stops its nested API")
    void stops() throws IOException {
        api.createAndStart(300, "scsi0", "local-lvm:0,import-from=local:import/pve-9.qcow2");
        assertThat(sim.nested(300)).isPresent();
        api.task("/nodes/pve/qemu/300/status/stop");
        assertThat(sim.nested(300)).isEmpty();
        assertThat(sim.markPveInstalled(999).getLeft().message()).isEqualTo("no VM 999 on simulated node 'pve'");
    }
}
