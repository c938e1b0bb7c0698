package dev.homestak.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.transport.verification.PromiscuousVerifier;
import net.schmizz.sshj.userauth.UserAuthException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("SSH into simulated VMs")
class SimulatorSshTest {

    /** Output and exit code of one command. */
    record Result(String out, int exit) {}

    private final KeyPair key = TestKeys.ec();
    private Simulator sim;
    private TestApi api;

    @BeforeEach
    void start() throws IOException {
        sim = Simulator.builder()
                .authorizedKeys("test keys", List.of(TestKeys.line(key)))
                .start()
                .getOrElseThrow(f -> new AssertionError(f.message()));
        api = new TestApi(sim);
        api.createAndStart(100);
        api.createAndStart(101);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    static SSHClient connect(String host, int port, KeyPair key) throws IOException {
        SSHClient client = new SSHClient();
        client.addHostKeyVerifier(new PromiscuousVerifier());
        client.connect(host, port);
        client.authPublickey("root", client.loadKeys(key));
        return client;
    }

    static Result exec(SSHClient client, String command) throws IOException {
        try (Session session = client.startSession();
                Session.Command cmd = session.exec(command)) {
            String out = new String(cmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            cmd.join();
            return new Result(out, cmd.getExitStatus());
        }
    }

    @Nested
    @DisplayName("a running VM")
    class Running {

        @Test
        @DisplayName("runs the documented commands at its own address")
        void commands() throws IOException {
            VmView vm = sim.vm(100).orElseThrow();
            assertThat(vm.sshUp()).isTrue();
            if (sim.perVmAddresses()) {
                assertThat(vm.address()).isEqualTo("127.0.0.100");
                assertThat(vm.sshPort()).isEqualTo(sim.sshPort());
            }
            try (SSHClient client = connect(vm.address(), vm.sshPort(), key)) {
                assertThat(exec(client, "hostname")).isEqualTo(new Result("vm100\n", 0));
                assertThat(exec(client, "echo hello world")).isEqualTo(new Result("hello world\n", 0));
                assertThat(exec(client, "uname -a").out()).startsWith("Linux vm100 ");
                assertThat(exec(client, "cloud-init status")).isEqualTo(new Result("status: done\n", 0));
                assertThat(exec(client, "systemctl is-active qemu-guest-agent")).isEqualTo(new Result("active\n", 0));
                assertThat(exec(client, "systemctl is-active pveproxy")).isEqualTo(new Result("inactive\n", 3));
                assertThat(exec(client, "test -f /etc/hostname").exit()).isZero();
                assertThat(exec(client, "test -f /etc/pve-packages-preinstalled")
                                .exit())
                        .isEqualTo(1);
                assertThat(exec(client, "true && echo yes").out()).isEqualTo("yes\n");
                assertThat(exec(client, "false").exit()).isEqualTo(1);
                assertThat(exec(client, "make install").exit()).isEqualTo(127);
            }
        }

        @Test
        @DisplayName("refuses a key that is not authorized")
        void otherKey() {
            VmView vm = sim.vm(100).orElseThrow();
            assertThatThrownBy(() ->
                            connect(vm.address(), vm.sshPort(), TestKeys.ec()).close())
                    .isInstanceOf(UserAuthException.class);
        }

        @Test
        @DisplayName("forwards TCP, so a jump through one VM reaches another")
        void jump() throws IOException {
            VmView front = sim.vm(100).orElseThrow();
            VmView inner = sim.vm(101).orElseThrow();
            try (SSHClient jump = connect(front.address(), front.sshPort(), key);
                    DirectConnection tunnel = jump.newDirectConnection(inner.address(), inner.sshPort());
                    SSHClient client = new SSHClient()) {
                client.addHostKeyVerifier(new PromiscuousVerifier());
                client.connectVia(tunnel);
                client.authPublickey("root", client.loadKeys(key));
                assertThat(exec(client, "hostname").out()).isEqualTo("vm101\n");
            }
        }

        @Test
        @RequiresTool("ssh-keygen")
        @DisplayName("accepts ed25519 keys given as OpenSSH lines (made by the real ssh-keygen)")
        void ed25519(@TempDir Path dir) throws Exception {
            Path keyFile = dir.resolve("id_ed25519");
            Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", keyFile.toString())
                    .redirectErrorStream(true)
                    .start();
            assertThat(keygen.waitFor()).isZero();
            String line = Files.readString(dir.resolve("id_ed25519.pub")).strip();
            try (Simulator other = Simulator.builder()
                    .authorizedKeys("keys", List.of(line))
                    .start()
                    .get()) {
                new TestApi(other).createAndStart(100);
                VmView vm = other.vm(100).orElseThrow();
                try (SSHClient client = new SSHClient()) {
                    client.addHostKeyVerifier(new PromiscuousVerifier());
                    client.connect(vm.address(), vm.sshPort());
                    client.authPublickey("root", keyFile.toString());
                    assertThat(exec(client, "hostname").out()).isEqualTo("vm100\n");
                }
            }
        }
    }

    @Nested
    @DisplayName("a stopped VM")
    class Stopped {

        @Test
        @DisplayName("closes its SSH port")
        void closed() throws IOException {
            VmView vm = sim.vm(100).orElseThrow();
            api.task("/nodes/pve/qemu/100/status/stop");
            assertThat(sim.vm(100).orElseThrow().sshUp()).isFalse();
            assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress(vm.address(), vm.sshPort()), 2000))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    @DisplayName("a bad authorized key line is a one-line failure naming the source and line")
    void badKey() {
        SimFailure failure = Simulator.builder()
                .authorizedKeys("keys.pub", List.of("# comment", "ssh-rsa notbase64!"))
                .start()
                .getLeft();
        assertThat(failure.message()).startsWith("authorized keys: keys.pub:2: not an OpenSSH public key");
    }
}
