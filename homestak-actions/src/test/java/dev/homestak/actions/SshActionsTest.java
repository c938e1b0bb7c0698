package dev.homestak.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.core.Facts;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("SSH actions against in-process SSH servers on 127.0.0.x")
class SshActionsTest {

    private static final Function<String, TestSshServer.Reply> SHELL = command -> switch (command) {
        case "echo ready" -> TestSshServer.Reply.ok("ready\n");
        case "hostname && uname -a" ->
            TestSshServer.Reply.ok("test-vm\nLinux test-vm 6.1.0-28-amd64 #1 SMP x86_64 GNU/Linux\n");
        case "cat /etc/hostname" -> TestSshServer.Reply.ok("inner-pve\n");
        case "false" -> new TestSshServer.Reply(1, "", "command failed on purpose\n");
        case "hang" -> {
            try {
                Thread.sleep(Duration.ofMinutes(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            yield TestSshServer.Reply.ok("");
        }
        default -> new TestSshServer.Reply(127, "", "sh: " + command + ": not found\n");
    };

    @TempDir
    Path tmp;

    private KeyPair userKey;
    private Path userKeyFile;
    private final List<TestSshServer> servers = new java.util.ArrayList<>();
    private final RecordingSink sink = new RecordingSink();

    @BeforeEach
    void keys() throws Exception {
        userKey = newKey();
        userKeyFile = writePrivateKey(userKey, tmp.resolve("id_ecdsa"));
    }

    @AfterEach
    void stopServers() throws IOException {
        for (TestSshServer s : servers) {
            s.close();
        }
    }

    private static KeyPair newKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    private static Path writePrivateKey(KeyPair pair, Path file) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "test@homestak", null, out);
        }
        return file;
    }

    private TestSshServer server(String address, String hostKeyName) throws IOException {
        return server(address, 0, hostKeyName);
    }

    private TestSshServer server(String address, int port, String hostKeyName) throws IOException {
        TestSshServer s =
                TestSshServer.start(address, port, tmp.resolve(hostKeyName), "root", userKey.getPublic(), SHELL);
        servers.add(s);
        return s;
    }

    private SshSettings.Builder settings() {
        return SshSettings.builder().identityFiles(List.of(userKeyFile)).connectTimeout(Duration.ofSeconds(5));
    }

    private ActionContext ctx(SshClient client, Facts facts) {
        return ActionContext.builder().ssh(client).facts(facts).events(sink).build();
    }

    private static int freePort(String address) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return socket.getLocalPort();
        }
    }

    @Nested
    @DisplayName("SshCommandAction")
    class Command {

        @Test
        @DisplayName("runs the command with the user's key and stores its output in the named fact")
        void exec() throws IOException {
            TestSshServer vm = server("127.0.0.2", "vm.key");
            SshClient client =
                    SshClient.create(settings().port("127.0.0.2", vm.port()).build());
            SshCommandAction action = SshCommandAction.builder("cat /etc/hostname")
                    .outputTo(dev.homestak.core.Key.string("inner_hostname"))
                    .build();
            ActionResult r = action.run(ctx(client, Facts.empty().with(Facts.INNER_IP, "127.0.0.2")))
                    .get();
            assertThat(r.message()).isEqualTo("Command completed: inner-pve");
            assertThat(r.facts().get(dev.homestak.core.Key.string("inner_hostname")))
                    .contains("inner-pve");
            assertThat(vm.commands()).containsExactly("cat /etc/hostname");
        }

        @Test
        @DisplayName("a non-zero exit is a failure carrying the command's stderr")
        void nonZeroExit() throws IOException {
            TestSshServer vm = server("127.0.0.2", "vm.key");
            SshClient client =
                    SshClient.create(settings().port("127.0.0.2", vm.port()).build());
            Either<ActionFailure, ActionResult> r = SshCommandAction.builder("false")
                    .build()
                    .run(ctx(client, Facts.empty().with(Facts.INNER_IP, "127.0.0.2")));
            assertThat(r.getLeft().message())
                    .isEqualTo(
                            "'false' on root@127.0.0.2:" + vm.port() + " failed (exit 1): command failed on purpose");
        }

        @Test
        @DisplayName("without the host fact it fails with the original's 'No inner_ip in context'")
        void missingFact() {
            SshClient client = SshClient.create(settings().build());
            assertThat(SshCommandAction.builder("true")
                            .build()
                            .run(ctx(client, Facts.empty()))
                            .getLeft()
                            .message())
                    .isEqualTo("No inner_ip in context");
        }

        @Test
        @DisplayName("a command that outlives its deadline is cut off with a timeout")
        void perCommandDeadline() throws IOException {
            TestSshServer vm = server("127.0.0.2", "vm.key");
            SshClient client =
                    SshClient.create(settings().port("127.0.0.2", vm.port()).build());
            long start = System.nanoTime();
            Either<ActionFailure, ActionResult> r = SshCommandAction.builder("hang")
                    .timeout(Duration.ofMillis(700))
                    .build()
                    .run(ctx(client, Facts.empty().with(Facts.INNER_IP, "127.0.0.2")));
            assertThat(r.getLeft()).isInstanceOf(ActionFailure.Timeout.class);
            assertThat(r.getLeft().message())
                    .isEqualTo("Timeout running 'hang' on root@127.0.0.2:" + vm.port() + " after 700ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }

        @Test
        @DisplayName("a key the server does not accept is refused with a message naming the key files")
        void keyRefused() throws Exception {
            TestSshServer vm = server("127.0.0.2", "vm.key");
            Path otherKey = writePrivateKey(newKey(), tmp.resolve("id_other"));
            SshClient client = SshClient.create(settings()
                    .identityFiles(List.of(otherKey))
                    .port("127.0.0.2", vm.port())
                    .build());
            Either<ActionFailure, ActionResult> r = SshCommandAction.builder("echo ready")
                    .build()
                    .run(ctx(client, Facts.empty().with(Facts.INNER_IP, "127.0.0.2")));
            assertThat(r.getLeft())
                    .isInstanceOfSatisfying(
                            ActionFailure.Ssh.class,
                            f -> assertThat(f.reason()).isEqualTo(ActionFailure.Ssh.Reason.AUTH_REFUSED));
            assertThat(r.getLeft().message())
                    .startsWith("SSH to root@127.0.0.2:" + vm.port() + ": key refused: offered [" + otherKey + "]");
            assertThat(vm.commands()).isEmpty();
        }

        @Test
        @DisplayName("without any private key it says which files it looked for")
        void noKey(@org.junit.jupiter.api.io.TempDir Path emptyHome) {
            SshClient client = SshClient.create(settings()
                    .identityFiles(List.of())
                    .environment(emptyHome, java.util.Map.of())
                    .build());
            assertThat(SshCommandAction.builder("true")
                            .build()
                            .run(ctx(client, Facts.empty().with(Facts.INNER_IP, "127.0.0.2")))
                            .getLeft()
                            .message())
                    .startsWith("no SSH private key found to log in to root@127.0.0.2")
                    .contains("(looked for ~/.ssh/id_ed25519, id_ecdsa, id_rsa)");
        }
    }

    @Nested
    @DisplayName("host keys")
    class HostKeys {

        @Test
        @DisplayName("a host whose key changes during the run is refused; a new run accepts the new key")
        void changedKeyRefused() throws IOException {
            TestSshServer first = server("127.0.0.4", "first.key");
            int port = first.port();
            SshClient run = SshClient.create(settings().port("127.0.0.4", port).build());
            Facts facts = Facts.empty().with(Facts.INNER_IP, "127.0.0.4");
            SshCommandAction hello = SshCommandAction.builder("echo ready").build();
            assertThat(hello.run(ctx(run, facts)).isRight()).isTrue();
            first.close();
            servers.remove(first);
            TestSshServer impostor = server("127.0.0.4", port, "second.key");

            Either<ActionFailure, ActionResult> r = hello.run(ctx(run, facts));
            assertThat(r.getLeft())
                    .isInstanceOfSatisfying(
                            ActionFailure.Ssh.class,
                            f -> assertThat(f.permanent()).isTrue());
            assertThat(r.getLeft().message())
                    .startsWith("SSH to root@127.0.0.4:" + port
                            + ": host key rejected: the key changed during this run (first SHA256:");
            assertThat(impostor.commands()).isEmpty();

            SshClient nextRun =
                    SshClient.create(settings().port("127.0.0.4", port).build());
            assertThat(hello.run(ctx(nextRun, facts)).isRight()).isTrue();
        }

        @Test
        @DisplayName("a configured known_hosts file is honoured: a matching key connects, a different one is refused")
        void knownHostsFile() throws IOException {
            TestSshServer listed = server("127.0.0.5", "listed.key");
            TestSshServer other = server("127.0.0.6", "other.key");
            Path knownHosts = tmp.resolve("known_hosts");
            Files.writeString(
                    knownHosts,
                    "[127.0.0.5]:" + listed.port() + " " + listed.hostKeyEntry() + "\n" + "[127.0.0.6]:" + other.port()
                            + " " + listed.hostKeyEntry() + "\n");
            SshClient client = SshClient.create(settings()
                    .knownHosts(knownHosts)
                    .port("127.0.0.5", listed.port())
                    .port("127.0.0.6", other.port())
                    .build());
            SshCommandAction hello = SshCommandAction.builder("echo ready").build();
            assertThat(hello.run(ctx(client, Facts.empty().with(Facts.INNER_IP, "127.0.0.5")))
                            .isRight())
                    .isTrue();
            Either<ActionFailure, ActionResult> r =
                    hello.run(ctx(client, Facts.empty().with(Facts.INNER_IP, "127.0.0.6")));
            assertThat(r.getLeft().message())
                    .contains("host key rejected")
                    .contains("does not match " + knownHosts)
                    .contains("ssh-keygen -R '[127.0.0.6]:" + other.port() + "'");
            assertThat(other.commands()).isEmpty();
        }
    }

    @Nested
    @DisplayName("jump host")
    class Jump {

        @Test
        @DisplayName("VerifySshChainAction reaches the inner VM through a forwarded channel of the outer one")
        void chain() throws IOException {
            TestSshServer outer = server("127.0.0.2", "outer.key");
            TestSshServer inner = server("127.0.0.3", "inner.key");
            SshClient client = SshClient.create(settings()
                    .port("127.0.0.2", outer.port())
                    .port("127.0.0.3", inner.port())
                    .build());
            Facts facts = Facts.empty().with(Facts.INNER_IP, "127.0.0.2").with(Facts.TEST_IP, "127.0.0.3");
            ActionResult r = VerifySshChainAction.of().run(ctx(client, facts)).get();
            assertThat(r.message()).isEqualTo("SSH chain verified: test-vm");
            assertThat(r.facts().get(Facts.TEST_HOSTNAME)).contains("test-vm");
            assertThat(r.facts().get(Facts.SSH_OUTPUT))
                    .contains("test-vm\nLinux test-vm 6.1.0-28-amd64 #1 SMP x86_64 GNU/Linux");
            assertThat(outer.forwards()).contains("127.0.0.3:" + inner.port());
            assertThat(outer.commands()).isEmpty();
            assertThat(inner.commands()).containsExactly("echo ready", "hostname && uname -a");
        }

        @Test
        @DisplayName("needs both hosts in the facts, as the original")
        void missingFacts() {
            SshClient client = SshClient.create(settings().build());
            assertThat(VerifySshChainAction.of()
                            .run(ctx(client, Facts.empty().with(Facts.INNER_IP, "10.0.12.5")))
                            .getLeft()
                            .message())
                    .isEqualTo("Missing context: test_ip=None, inner_ip=10.0.12.5");
        }
    }

    @Nested
    @DisplayName("WaitForSshAction")
    class Wait {

        @Test
        @DisplayName("gives up at its deadline with the last problem when nothing listens")
        void deadline() throws IOException {
            int port = freePort("127.0.0.7");
            SshClient client =
                    SshClient.create(settings().port("127.0.0.7", port).build());
            WaitForSshAction wait = WaitForSshAction.of(Facts.VM_IP)
                    .withTimeout(Duration.ofMillis(700))
                    .withInterval(Duration.ofMillis(100));
            long start = System.nanoTime();
            Either<ActionFailure, ActionResult> r =
                    wait.run(ctx(client, Facts.empty().with(Facts.VM_IP, "127.0.0.7")));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(r.getLeft().message())
                    .startsWith("Timeout waiting for SSH on 127.0.0.7 after 700ms: SSH to root@127.0.0.7:" + port
                            + ": cannot connect");
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(700)).isLessThan(Duration.ofSeconds(5));
            assertThat(sink.progress())
                    .isNotEmpty()
                    .allMatch(p -> p.startsWith("SSH not ready on 127.0.0.7 (attempt "));
        }

        @Test
        @DisplayName("succeeds as soon as the host starts answering")
        void hostComesUp() throws Exception {
            int port = freePort("127.0.0.8");
            SshClient client =
                    SshClient.create(settings().port("127.0.0.8", port).build());
            CountDownLatch firstMiss = new CountDownLatch(1);
            EventSink events = e -> {
                if (e.text().startsWith("SSH not ready")) {
                    firstMiss.countDown();
                }
            };
            ActionContext c = ActionContext.builder()
                    .ssh(client)
                    .events(events)
                    .facts(Facts.empty().with(Facts.VM_IP, "127.0.0.8"))
                    .build();
            AtomicReference<Either<ActionFailure, ActionResult>> result = new AtomicReference<>();
            Thread waiter = Thread.ofVirtual()
                    .start(() -> result.set(WaitForSshAction.of(Facts.VM_IP)
                            .withTimeout(Duration.ofSeconds(30))
                            .withInterval(Duration.ofMillis(100))
                            .run(c)));
            assertThat(firstMiss.await(10, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
            server("127.0.0.8", port, "late.key");
            waiter.join(Duration.ofSeconds(20));
            assertThat(result.get().get().message()).isEqualTo("SSH available on 127.0.0.8");
        }

        @Test
        @DisplayName("stops at once when cancelled")
        void cancelled() throws IOException {
            int port = freePort("127.0.0.9");
            SshClient client =
                    SshClient.create(settings().port("127.0.0.9", port).build());
            CancellationToken token = CancellationToken.create();
            EventSink events = e -> token.cancel("user pressed Ctrl-C");
            ActionContext c = ActionContext.builder()
                    .ssh(client)
                    .events(events)
                    .cancellation(token)
                    .facts(Facts.empty().with(Facts.VM_IP, "127.0.0.9"))
                    .build();
            Either<ActionFailure, ActionResult> r = WaitForSshAction.of(Facts.VM_IP)
                    .withTimeout(Duration.ofMinutes(5))
                    .run(c);
            assertThat(r.getLeft())
                    .isEqualTo(new ActionFailure.Cancelled("waiting for SSH on 127.0.0.9", "user pressed Ctrl-C"));
        }
    }
}
