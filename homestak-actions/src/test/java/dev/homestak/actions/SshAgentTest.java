package dev.homestak.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.sim.RequiresTool;
import io.vavr.control.Either;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@RequiresTool({"ssh-keygen", "ssh-agent", "ssh-add"})
@DisplayName("SSH client: keys in a real ssh-agent and passphrase-protected key files")
class SshAgentTest {

    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path tmp;

    private Either<ActionFailure, SshResult> echo(SshSettings settings, int port) {
        SshClient client = SshClient.create(settings);
        return client.exec(
                SshRequest.of(new SshEndpoint("root", "127.0.0.1", port), "echo ready", Duration.ofSeconds(10)),
                CancellationToken.create());
    }

    private Path home() throws Exception {
        return Files.createDirectories(tmp.resolve("home/.ssh")).getParent();
    }

    @Nested
    @DisplayName("with ssh-agent (SSH_AUTH_SOCK)")
    class Agent {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"ed25519", "ecdsa", "rsa"})
        @DisplayName(
                "a passphrase-protected key of every ssh-keygen type logs in through the agent, with no key file readable and no BouncyCastle")
        void everyKeyType(String type) throws Exception {
            Path key = OpenSshTools.keygen(tmp.resolve("id_" + type), type, PASSPHRASE);
            try (OpenSshTools.Agent agent = new OpenSshTools.Agent(tmp);
                    TestSshServer server = TestSshServer.start(
                            "127.0.0.1",
                            0,
                            tmp.resolve("host.key"),
                            "root",
                            OpenSshTools.publicKey(key),
                            command -> TestSshServer.Reply.ok("ready\n"))) {
                agent.add(key, PASSPHRASE);
                Files.delete(key); // only the agent holds the private key now
                SshSettings settings = SshSettings.builder()
                        .environment(home(), agent.environment())
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();

                assertThat(echo(settings, server.port()).map(SshResult::stdout)).isEqualTo(Either.right("ready\n"));
                assertThat(server.commands()).containsExactly("echo ready");
                assertThat(Security.getProvider("BC"))
                        .as("BouncyCastle registered as a JCA provider")
                        .isNull();
            }
        }

        @Test
        @DisplayName("the agent's keys come first: a refused agent key does not stop the key file named after it")
        void agentThenFiles() throws Exception {
            Path agentKey = OpenSshTools.keygen(tmp.resolve("other"), "ecdsa", PASSPHRASE);
            Path fileKey = OpenSshTools.keygen(tmp.resolve("home-key"), "ecdsa", "");
            try (OpenSshTools.Agent agent = new OpenSshTools.Agent(tmp);
                    TestSshServer server = TestSshServer.start(
                            "127.0.0.1",
                            0,
                            tmp.resolve("host.key"),
                            "root",
                            OpenSshTools.publicKey(fileKey),
                            command -> TestSshServer.Reply.ok("ready\n"))) {
                agent.add(agentKey, PASSPHRASE);
                SshSettings settings = SshSettings.builder()
                        .environment(home(), agent.environment())
                        .identityFiles(List.of(fileKey))
                        .build();

                assertThat(echo(settings, server.port()).map(SshResult::stdout)).isEqualTo(Either.right("ready\n"));
            }
        }

        @Test
        @DisplayName("a refused login names the agent's keys and the files it offered")
        void refusedNamesWhatWasOffered() throws Exception {
            Path agentKey = OpenSshTools.keygen(tmp.resolve("agent-key"), "ecdsa", PASSPHRASE);
            Path accepted = OpenSshTools.keygen(tmp.resolve("accepted"), "ecdsa", "");
            try (OpenSshTools.Agent agent = new OpenSshTools.Agent(tmp);
                    TestSshServer server = TestSshServer.start(
                            "127.0.0.1",
                            0,
                            tmp.resolve("host.key"),
                            "root",
                            OpenSshTools.publicKey(accepted),
                            command -> TestSshServer.Reply.ok("ready\n"))) {
                agent.add(agentKey, PASSPHRASE);
                SshSettings settings = SshSettings.builder()
                        .environment(home(), agent.environment())
                        .build();

                Either<ActionFailure, SshResult> result = echo(settings, server.port());

                assertThat(result.isLeft()).isTrue();
                assertThat(result.getLeft().message())
                        .contains("ecdsa@homestak-test (agent)", "authorized_keys")
                        .doesNotContain("\n");
            }
        }
    }

    @Nested
    @DisplayName("passphrase-protected key files without an agent")
    class Files_ {

        @Test
        @DisplayName("on a terminal: asked once per key for the whole run, never shown in a message")
        void askedOnce() throws Exception {
            Path key = OpenSshTools.keygen(tmp.resolve("id_ecdsa"), "ecdsa", PASSPHRASE);
            AtomicInteger asked = new AtomicInteger();
            try (TestSshServer server = TestSshServer.start(
                    "127.0.0.1",
                    0,
                    tmp.resolve("host.key"),
                    "root",
                    OpenSshTools.publicKey(key),
                    command -> TestSshServer.Reply.ok("ready\n"))) {
                SshSettings settings = SshSettings.builder()
                        .environment(home(), Map.of())
                        .identityFiles(List.of(key))
                        .passphrases(file -> {
                            asked.incrementAndGet();
                            return Optional.of(PASSPHRASE.toCharArray());
                        })
                        .build();
                SshClient client = SshClient.create(settings);
                for (int i = 0; i < 2; i++) {
                    Either<ActionFailure, SshResult> result = client.exec(
                            SshRequest.of(
                                    new SshEndpoint("root", "127.0.0.1", server.port()),
                                    "echo ready",
                                    Duration.ofSeconds(10)),
                            CancellationToken.create());
                    assertThat(result.map(SshResult::stdout)).isEqualTo(Either.right("ready\n"));
                }
                assertThat(asked).hasValue(1);
                assertThat(settings.toString()).doesNotContain(PASSPHRASE);
            }
        }

        @Test
        @DisplayName("without a terminal: one line naming the key and telling to load it into ssh-agent")
        void noTerminal() throws Exception {
            Path key = OpenSshTools.keygen(tmp.resolve("id_ed25519"), "ed25519", PASSPHRASE);
            try (TestSshServer server = TestSshServer.start(
                    "127.0.0.1",
                    0,
                    tmp.resolve("host.key"),
                    "root",
                    OpenSshTools.publicKey(key),
                    command -> TestSshServer.Reply.ok("ready\n"))) {
                SshSettings settings = SshSettings.builder()
                        .environment(home(), Map.of())
                        .identityFiles(List.of(key))
                        .build();

                Either<ActionFailure, SshResult> result = echo(settings, server.port());

                assertThat(result.isLeft()).isTrue();
                assertThat(result.getLeft().message())
                        .contains(key.toString(), "passphrase", "ssh-add " + key)
                        .doesNotContain("\n");
                assertThat(server.commands()).isEmpty();
            }
        }

        @Test
        @DisplayName("no agent and no key file at all: one line saying where keys come from")
        void noKeys() throws Exception {
            SshSettings settings =
                    SshSettings.builder().environment(home(), Map.of()).build();
            try (TestSshServer server = TestSshServer.start(
                    "127.0.0.1",
                    0,
                    tmp.resolve("host.key"),
                    "root",
                    OpenSshTools.publicKey(OpenSshTools.keygen(tmp.resolve("k"), "ecdsa", "")),
                    command -> TestSshServer.Reply.ok("ready\n"))) {
                Either<ActionFailure, SshResult> result = echo(settings, server.port());
                assertThat(result.getLeft().message())
                        .contains("ssh-add", "--identity", "IdentityFile")
                        .doesNotContain("\n");
            }
        }
    }
}
