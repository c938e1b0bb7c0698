package dev.homestak.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.sim.RequiresTool;
import io.vavr.control.Either;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@RequiresTool({"ssh-keygen"})
@DisplayName("SSH client: site-config hosts are checked against the operator's known_hosts; run VMs keep accept-new")
class OperatorKnownHostsTest {

    @TempDir
    Path tmp;

    private Path home;
    private Path key;
    private Path knownHosts;

    @BeforeEach
    void keys() throws Exception {
        home = Files.createDirectories(tmp.resolve("home/.ssh")).getParent();
        key = OpenSshTools.keygen(home.resolve(".ssh/id_ecdsa"), "ecdsa", "");
        knownHosts = home.resolve(".ssh/known_hosts");
    }

    private TestSshServer pve() throws Exception {
        return TestSshServer.start(
                "127.0.0.2",
                0,
                tmp.resolve("pve.key"),
                "root",
                OpenSshTools.publicKey(key),
                c -> TestSshServer.Reply.ok("ready\n"));
    }

    private Either<ActionFailure, SshResult> echo(int port, Set<String> operatorHosts) {
        SshClient client = SshClient.create(SshSettings.builder()
                .environment(home, Map.of())
                .operatorHosts(operatorHosts)
                .port("127.0.0.2", port)
                .build());
        return client.exec(
                SshRequest.of(client.endpoint("root", "127.0.0.2"), "echo ready", Duration.ofSeconds(10)),
                CancellationToken.create());
    }

    /** A host key line of another ECDSA key, as a rebuilt host would show. */
    private String otherKey() throws Exception {
        Path other = OpenSshTools.keygen(tmp.resolve("other"), "ecdsa", "");
        return OpenSshTools.publicLine(other).replaceAll(" \\S+$", "");
    }

    @Test
    @DisplayName("a plain entry with the host's key: connects")
    void plainMatch() throws Exception {
        try (TestSshServer pve = pve()) {
            Files.writeString(knownHosts, "[127.0.0.2]:" + pve.port() + " " + pve.hostKeyEntry() + "\n");
            assertThat(echo(pve.port(), Set.of("127.0.0.2")).map(SshResult::stdout))
                    .isEqualTo(Either.right("ready\n"));
        }
    }

    @Test
    @DisplayName("a hashed entry (ssh-keygen -H, HashKnownHosts yes) with the host's key: connects")
    void hashedMatch() throws Exception {
        try (TestSshServer pve = pve()) {
            Files.writeString(knownHosts, "[127.0.0.2]:" + pve.port() + " " + pve.hostKeyEntry() + "\n");
            OpenSshTools.run(Map.of(), "ssh-keygen", "-H", "-f", knownHosts.toString());
            assertThat(Files.readString(knownHosts)).startsWith("|1|").doesNotContain("127.0.0.2");
            assertThat(echo(pve.port(), Set.of("127.0.0.2")).map(SshResult::stdout))
                    .isEqualTo(Either.right("ready\n"));
        }
    }

    @Test
    @DisplayName("a changed key is refused in one line naming both fingerprints and the file:line to fix (hashed too)")
    void changedRefused() throws Exception {
        try (TestSshServer pve = pve()) {
            Files.writeString(knownHosts, "# my hosts\n[127.0.0.2]:" + pve.port() + " " + otherKey() + "\n");
            OpenSshTools.run(Map.of(), "ssh-keygen", "-H", "-f", knownHosts.toString());
            String known = OpenSshTools.run(Map.of(), "ssh-keygen", "-l", "-f", knownHosts.toString())
                    .split(" ")[1];
            Path shownKey = Files.writeString(tmp.resolve("shown.pub"), pve.hostKeyEntry() + "\n");
            String shown = OpenSshTools.run(Map.of(), "ssh-keygen", "-l", "-f", shownKey.toString())
                    .split(" ")[1];

            Either<ActionFailure, SshResult> result = echo(pve.port(), Set.of("127.0.0.2"));

            assertThat(result.isLeft()).isTrue();
            assertThat(result.getLeft().message())
                    .contains("changed", known, shown, knownHosts + ":2", "ssh-keygen -R")
                    .doesNotContain("\n");
            assertThat(pve.commands()).isEmpty();
        }
    }

    @Test
    @DisplayName("a key marked @revoked is refused even where another line lists it")
    void revokedRefused() throws Exception {
        try (TestSshServer pve = pve()) {
            Files.writeString(
                    knownHosts,
                    "[127.0.0.2]:" + pve.port() + " " + pve.hostKeyEntry() + "\n@revoked * " + pve.hostKeyEntry()
                            + "\n");
            Either<ActionFailure, SshResult> result = echo(pve.port(), Set.of("127.0.0.2"));
            assertThat(result.getLeft().message()).contains("@revoked", knownHosts + ":2");
        }
    }

    @Test
    @DisplayName("absent: accepted for the run; with StrictHostKeyChecking yes in ~/.ssh/config: refused")
    void absent() throws Exception {
        try (TestSshServer pve = pve()) {
            Files.writeString(knownHosts, "[127.0.0.9]:22 " + otherKey() + "\n");
            assertThat(echo(pve.port(), Set.of("127.0.0.2")).map(SshResult::stdout))
                    .isEqualTo(Either.right("ready\n"));

            Files.writeString(home.resolve(".ssh/config"), "Host 127.0.0.2\n  StrictHostKeyChecking yes\n");
            Either<ActionFailure, SshResult> strict = echo(pve.port(), Set.of("127.0.0.2"));
            assertThat(strict.getLeft().message()).contains("not in", "StrictHostKeyChecking");
        }
    }

    @Test
    @DisplayName("UserKnownHostsFile of ~/.ssh/config replaces ~/.ssh/known_hosts")
    void userKnownHostsFile() throws Exception {
        try (TestSshServer pve = pve()) {
            Files.writeString(knownHosts, "[127.0.0.2]:" + pve.port() + " " + pve.hostKeyEntry() + "\n");
            Path lab =
                    Files.writeString(home.resolve("lab_hosts"), "[127.0.0.2]:" + pve.port() + " " + otherKey() + "\n");
            Files.writeString(home.resolve(".ssh/config"), "Host *\n  UserKnownHostsFile ~/lab_hosts\n");
            assertThat(echo(pve.port(), Set.of("127.0.0.2")).getLeft().message())
                    .contains(lab + ":1");
        }
    }

    @Test
    @DisplayName(
            "a VM of the run (not a site-config host) is accepted on first use even if known_hosts has an old key for its address")
    void runVmsKeepAcceptNew() throws Exception {
        try (TestSshServer vm = pve()) {
            Files.writeString(knownHosts, "[127.0.0.2]:" + vm.port() + " " + otherKey() + "\n");
            assertThat(echo(vm.port(), Set.of()).map(SshResult::stdout)).isEqualTo(Either.right("ready\n"));
            assertThat(List.of(vm.commands().size())).containsExactly(1);
        }
    }
}
