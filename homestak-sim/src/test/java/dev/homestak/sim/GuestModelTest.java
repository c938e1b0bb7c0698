package dev.homestak.sim;

import static dev.homestak.sim.SimulatorSshTest.connect;
import static dev.homestak.sim.SimulatorSshTest.exec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.sim.SimulatorSshTest.Result;
import java.io.IOException;
import java.security.KeyPair;
import java.util.List;
import net.schmizz.sshj.SSHClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("what commands change inside a simulated guest, later commands and the API see")
class GuestModelTest {

    private final KeyPair key = TestKeys.ec();
    private Simulator sim;
    private TestApi api;
    private SSHClient vm;

    @BeforeEach
    void start() throws IOException {
        sim = Simulator.builder()
                .authorizedKeys("test keys", List.of(TestKeys.line(key)))
                .innerNonRoutable(false) // these tests call nested APIs directly
                .start()
                .getOrElseThrow(f -> new AssertionError(f.message()));
        api = new TestApi(sim);
        api.createAndStart(100);
        VmView view = sim.vm(100).orElseThrow();
        vm = connect(view.address(), view.sshPort(), key);
    }

    @AfterEach
    void stop() throws IOException {
        vm.close();
        sim.close();
    }

    @Test
    @DisplayName(
            "the bootstrap installer piped to bash installs homestak and creates HOMESTAK_USER with a NOPASSWD sudoers rule")
    void bootstrapInstaller() throws IOException {
        assertThat(exec(vm, "homestak status").exit()).isEqualTo(127);
        assertThat(exec(vm, "id alice").exit()).isEqualTo(1);

        Result install = exec(
                vm,
                "curl -fsSL https://raw.githubusercontent.com/homestak-dev/bootstrap/master/install.sh"
                        + " | HOMESTAK_USER=alice bash");

        assertThat(install.exit()).isZero();
        assertThat(exec(vm, "homestak status").out())
                .contains("ansible", "iac-driver", "tofu")
                .doesNotContain("not installed");
        assertThat(exec(vm, "id alice").out()).startsWith("uid=1000(alice)");
        assertThat(exec(vm, "grep -r alice /etc/sudoers.d/ 2>/dev/null | grep NOPASSWD"))
                .isEqualTo(new Result("/etc/sudoers.d/alice:alice ALL=(ALL) NOPASSWD:ALL\n", 0));
        assertThat(exec(vm, "curl -fsSL https://example.org/x.sh").exit()).isEqualTo(6);
    }

    @Test
    @DisplayName("useradd, files written with > and read back with cat, grep on a pipe")
    void usersAndFiles() throws IOException {
        assertThat(exec(vm, "id bob || useradd -m -s /bin/bash bob").exit()).isZero();
        assertThat(exec(vm, "useradd bob").exit()).isEqualTo(9);
        assertThat(exec(vm, "echo 'bob ALL=(ALL) NOPASSWD:ALL' > /etc/sudoers.d/bob && cat /etc/sudoers.d/bob"))
                .isEqualTo(new Result("bob ALL=(ALL) NOPASSWD:ALL\n", 0));
        assertThat(exec(vm, "echo more >> /etc/sudoers.d/bob && cat /etc/sudoers.d/bob | grep more")
                        .out())
                .isEqualTo("more\n");
        assertThat(exec(vm, "cat /etc/sudoers.d/bob | grep nothing").exit()).isEqualTo(1);
    }

    @Test
    @DisplayName(
            "apt-get install proxmox-ve makes the VM a PVE; pvesh then creates and applies its bridge vmbr0, which ip link shows")
    void pveInstallAndBridge() throws IOException {
        assertThat(exec(vm, "systemctl is-active pveproxy").exit()).isEqualTo(3);
        assertThat(exec(vm, "pvesh get /version").exit()).isEqualTo(127);
        assertThat(exec(vm, "ip link show ens18").exit()).isZero();

        assertThat(exec(vm, "apt-get install -y proxmox-ve postfix open-iscsi chrony")
                        .exit())
                .isZero();

        assertThat(sim.vm(100).orElseThrow().nestedPve()).isTrue();
        assertThat(exec(vm, "systemctl is-active pveproxy")).isEqualTo(new Result("active\n", 0));
        assertThat(exec(vm, "pvesh get /nodes/localhost/network --output-format json")
                        .out())
                .doesNotContain("vmbr0");
        assertThat(exec(vm, "pvesh create /nodes/localhost/network --iface vmbr0 --type bridge --autostart 1")
                        .exit())
                .isZero();
        assertThat(exec(vm, "pvesh create /nodes/localhost/network --iface vmbr0 --type bridge")
                        .exit())
                .isEqualTo(255);
        assertThat(exec(vm, "ip link show vmbr0"))
                .as("created, not applied yet")
                .isEqualTo(new Result("", 1));
        assertThat(exec(vm, "pvesh set /nodes/localhost/network").out()).startsWith("\"UPID:");
        assertThat(exec(vm, "ip link show vmbr0").out()).contains(": vmbr0: <BROADCAST,MULTICAST,UP,LOWER_UP>");
        Simulator nested = sim.nested(100).orElseThrow();
        assertThat(new TestApi(nested)
                        .get("/nodes/" + nested.node() + "/network", "type", "bridge")
                        .data()
                        .get(0)
                        .get("iface")
                        .asText())
                .isEqualTo("vmbr0");
    }

    @Test
    @DisplayName(
            "pvesh set .../network returns when its srvreload task has ended (the CLI runs workers in the foreground)")
    void pveshWaitsForItsTask() throws IOException {
        Timing slowReload = new Timing(
                java.util.Map.of("srvreload", java.time.Duration.ofSeconds(1)),
                java.time.Duration.ZERO,
                java.time.Duration.ZERO,
                java.time.Duration.ZERO,
                java.time.Duration.ZERO,
                java.time.Duration.ofSeconds(10),
                1.0);
        Simulator slow = Simulator.builder()
                .timing(slowReload)
                .authorizedKeys("test keys", List.of(TestKeys.line(key)))
                .start()
                .getOrElseThrow(f -> new AssertionError(f.message()));
        try {
            new TestApi(slow).createAndStart(100);
            VmView view = slow.vm(100).orElseThrow();
            try (SSHClient guest = connect(view.address(), view.sshPort(), key)) {
                assertThat(exec(guest, "apt-get install -y proxmox-ve").exit()).isZero();
                assertThat(exec(guest, "pvesh create /nodes/localhost/network --iface vmbr0 --type bridge")
                                .exit())
                        .isZero();

                assertThat(exec(guest, "pvesh set /nodes/localhost/network").exit())
                        .isZero();

                assertThat(exec(guest, "ip link show vmbr0").exit()).isZero();
            }
        } finally {
            slow.close();
        }
    }
}
