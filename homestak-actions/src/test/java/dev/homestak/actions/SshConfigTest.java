package dev.homestak.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.sim.RequiresTool;
import io.vavr.control.Either;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@RequiresTool({"ssh-keygen", "ssh-agent", "ssh-add"})
@DisplayName("SSH client: the operator's ~/.ssh/config (in a temporary home)")
class SshConfigTest {

    @TempDir
    Path tmp;

    private Path home;

    private Path writeConfig(String text) throws Exception {
        home = Files.createDirectories(tmp.resolve("home/.ssh")).getParent();
        return Files.writeString(home.resolve(".ssh/config"), text);
    }

    private static Either<ActionFailure, SshResult> echo(SshSettings settings, String user, String host) {
        SshClient client = SshClient.create(settings);
        return client.exec(
                SshRequest.of(client.endpoint(user, host), "echo ready", Duration.ofSeconds(10)),
                CancellationToken.create());
    }

    @Test
    @DisplayName(
            "ProxyJump through a bastion (HostName, Port, User of its own block), every hop authenticated by the agent")
    void proxyJumpWithAgent() throws Exception {
        Path key = OpenSshTools.keygen(tmp.resolve("id_ed25519"), "ed25519", "secret phrase");
        try (OpenSshTools.Agent agent = new OpenSshTools.Agent(tmp);
                TestSshServer bastion = TestSshServer.start(
                        "127.0.0.2",
                        0,
                        tmp.resolve("bastion.key"),
                        "jump",
                        OpenSshTools.publicKey(key),
                        c -> TestSshServer.Reply.ok("bastion\n"));
                TestSshServer vm = TestSshServer.start(
                        "127.0.0.3",
                        0,
                        tmp.resolve("vm.key"),
                        "root",
                        OpenSshTools.publicKey(key),
                        c -> TestSshServer.Reply.ok("ready\n"))) {
            agent.add(key, "secret phrase");
            Files.delete(key);
            writeConfig("""
                    # the lab behind the bastion
                    Host lab-vm
                      HostName 127.0.0.3
                      Port %d
                      ProxyJump bastion
                    Host bastion
                      HostName 127.0.0.2
                      Port %d
                      User jump
                    """.formatted(vm.port(), bastion.port()));
            SshSettings settings =
                    SshSettings.builder().environment(home, agent.environment()).build();

            SshClient client = SshClient.create(settings);
            assertThat(client.accepting(client.endpoint("root", "lab-vm"), Duration.ofSeconds(1)))
                    .as("a port check cannot see past the bastion, so it leaves the decision to the login")
                    .isTrue();
            assertThat(client.accepting(client.endpoint("root", "bastion"), Duration.ofSeconds(1)))
                    .as("the bastion's HostName and Port are checked")
                    .isTrue();

            assertThat(echo(settings, "root", "lab-vm").map(SshResult::stdout)).isEqualTo(Either.right("ready\n"));
            assertThat(bastion.forwards()).containsExactly("127.0.0.3:" + vm.port());
            assertThat(bastion.commands()).isEmpty();
            assertThat(vm.commands()).containsExactly("echo ready");
        }
    }

    @Test
    @DisplayName("a key at a non-default path named by IdentityFile (with ~) for a Host pattern logs in")
    void identityFileOfPattern() throws Exception {
        writeConfig("");
        Path key = OpenSshTools.keygen(home.resolve(".ssh/homelab_ecdsa"), "ecdsa", "");
        try (TestSshServer pve = TestSshServer.start(
                "127.0.0.2",
                0,
                tmp.resolve("pve.key"),
                "root",
                OpenSshTools.publicKey(key),
                c -> TestSshServer.Reply.ok("ready\n"))) {
            writeConfig("""
                    Host pve* !pve-old
                      HostName 127.0.0.2
                      Port %d
                      IdentityFile ~/.ssh/homelab_ecdsa
                    """.formatted(pve.port()));
            SshSettings settings =
                    SshSettings.builder().environment(home, Map.of()).build();

            assertThat(echo(settings, "root", "pve1").map(SshResult::stdout)).isEqualTo(Either.right("ready\n"));
            assertThat(settings.hostSettings("pve-old", "root").get().identityFiles())
                    .isEmpty();
        }
    }

    @Test
    @DisplayName("IdentitiesOnly yes: the agent's other keys are not offered")
    void identitiesOnly() throws Exception {
        writeConfig("");
        Path agentKey = OpenSshTools.keygen(tmp.resolve("agent_ecdsa"), "ecdsa", "");
        Path named = OpenSshTools.keygen(home.resolve(".ssh/named_ecdsa"), "ecdsa", "");
        try (OpenSshTools.Agent agent = new OpenSshTools.Agent(tmp);
                TestSshServer pve = TestSshServer.start(
                        "127.0.0.2",
                        0,
                        tmp.resolve("pve.key"),
                        "root",
                        OpenSshTools.publicKey(agentKey),
                        c -> TestSshServer.Reply.ok("ready\n"))) {
            agent.add(agentKey, "");
            writeConfig("Host pve\n  HostName 127.0.0.2\n  Port " + pve.port()
                    + "\n  IdentitiesOnly yes\n  IdentityFile " + named + "\n");
            SshSettings settings =
                    SshSettings.builder().environment(home, agent.environment()).build();

            Either<ActionFailure, SshResult> result = echo(settings, "root", "pve");

            assertThat(result.isLeft()).isTrue();
            assertThat(result.getLeft().message()).contains(named.toString()).doesNotContain("(agent)");
        }
    }

    @Test
    @DisplayName("resolves as ssh does: first value wins, IdentityFile accumulates, negated patterns, %h, key=value")
    void resolution() throws Exception {
        Path config = writeConfig("""
                Host *.lab !db.lab
                  User=ops
                  IdentityFile ~/.ssh/lab_%h
                  ProxyJump gw1,admin@gw2:2222
                Host web.lab
                  User root
                  Port 2200
                  HostName 10.0.0.%h
                Host *
                  IdentityFile ~/.ssh/id_fallback
                  StrictHostKeyChecking yes
                  UserKnownHostsFile ~/.ssh/lab_known_hosts
                """);
        SshSettings settings = SshSettings.builder().environment(home, Map.of()).build();

        SshHostSettings web = settings.hostSettings("web.lab", "root").get();
        assertThat(web.user()).contains("ops");
        assertThat(web.port()).contains(2200);
        assertThat(web.hostName()).isEqualTo("10.0.0.web.lab");
        assertThat(web.identityFiles())
                .containsExactly(home.resolve(".ssh/lab_10.0.0.web.lab"), home.resolve(".ssh/id_fallback"));
        assertThat(web.proxyJump()).containsExactly("gw1", "admin@gw2:2222");
        assertThat(web.strict()).isTrue();
        assertThat(web.knownHostsFiles()).containsExactly(home.resolve(".ssh/lab_known_hosts"));
        assertThat(web.matched())
                .containsExactly(config + ":1 Host *.lab !db.lab", config + ":5 Host web.lab", config + ":9 Host *");

        SshHostSettings db = settings.hostSettings("db.lab", "root").get();
        assertThat(db.user()).isEqualTo(Optional.empty());
        assertThat(db.proxyJump()).isEmpty();
        assertThat(db.hostName()).isEqualTo("db.lab");
        assertThat(settings.identitiesFor(db)).containsExactly(home.resolve(".ssh/id_fallback"));
    }

    @Test
    @DisplayName("without a config file every host is itself, with the default known_hosts files and keys")
    void noConfig() throws Exception {
        home = Files.createDirectories(tmp.resolve("home"));
        SshSettings settings = SshSettings.builder()
                .environment(home, Map.of())
                .identityFiles(List.of(tmp.resolve("k")))
                .build();
        SshHostSettings pve = settings.hostSettings("pve", "root").get();
        assertThat(pve.hostName()).isEqualTo("pve");
        assertThat(pve.knownHostsFiles())
                .containsExactly(home.resolve(".ssh/known_hosts"), home.resolve(".ssh/known_hosts2"));
        assertThat(settings.identitiesFor(pve)).containsExactly(tmp.resolve("k"));
    }
}
