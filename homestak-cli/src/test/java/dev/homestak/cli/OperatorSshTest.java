package dev.homestak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.sim.OpenSshAgent;
import dev.homestak.sim.RequiresTool;
import dev.homestak.sim.SshKeygen;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code simple-vm-roundtrip} on a site-config node that is a standalone {@code homestak sim}, logging in to its VMs
 * as operators have SSH set up: a passphrase-protected key loaded in a real {@code ssh-agent}, or a key at a
 * non-default path named in {@code ~/.ssh/config} (each in a temporary home).
 */
@RequiresTool({"ssh-keygen", "ssh-agent", "ssh-add"})
@DisplayName("CLI: SSH as the operator has it (ssh-agent, ~/.ssh/config, --identity) against a standalone simulator")
class OperatorSshTest {

    private static final String PASSPHRASE = "operator passphrase";

    @TempDir
    Path dir;

    private Path home() throws Exception {
        return Files.createDirectories(dir.resolve("home/.ssh")).getParent();
    }

    private CliRun roundtrip(StandaloneSim sim, Path home, Map<String, String> env, String... extra) {
        CliRun.Setup setup = CliRun.with().home(home).workingDir(dir);
        env.forEach(setup::env);
        String[] args = {
            "--scenario", "simple-vm-roundtrip", "--host", "lab", "--site-config", sim.siteConfig.toString()
        };
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        return setup.run(all);
    }

    @Test
    @DisplayName(
            "the only key is passphrase-protected and in ssh-agent: the run passes; without the agent and a terminal: one line to use ssh-agent")
    void agentOnly() throws Exception {
        Path home = home();
        Path key = keygen(home.resolve(".ssh/id_ecdsa"), "ecdsa", PASSPHRASE);
        try (StandaloneSim sim = StandaloneSim.start(dir, home);
                OpenSshAgent agent = OpenSshAgent.start(dir)) {
            agent.add(key, PASSPHRASE);

            CliRun run =
                    roundtrip(sim, home, Map.of("SSH_AUTH_SOCK", agent.socket().toString()));
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.all()).doesNotContain(PASSPHRASE);

            CliRun show = CliRun.with()
                    .home(home)
                    .workingDir(dir)
                    .env("SSH_AUTH_SOCK", agent.socket().toString())
                    .run("config", "show", "--host", "lab", "--site-config", sim.siteConfig.toString());
            assertThat(show.out())
                    .contains(
                            "ssh_agent: " + agent.socket() + " (1 key(s): ecdsa-sha2-nistp256 ecdsa@homestak-test)",
                            "ssh_identities: ssh-agent keys, then " + key);

            CliRun locked = roundtrip(sim, home, Map.of());
            assertThat(locked.exitCode()).as(locked.all()).isNotZero();
            assertThat(locked.all())
                    .contains(key + " is protected by a passphrase", "ssh-add " + key)
                    .doesNotContain(PASSPHRASE);
        }
    }

    @Test
    @DisplayName(
            "a key at a non-default path named by IdentityFile in ~/.ssh/config: the run passes; config show names the block and the key")
    void keyFromSshConfig() throws Exception {
        Path home = home();
        Path key = keygen(home.resolve(".ssh/homelab_ecdsa"), "ecdsa", "");
        Files.writeString(
                home.resolve(".ssh/config"),
                "# homestak's simulator\nHost 127.*\n  IdentityFile ~/.ssh/homelab_ecdsa\n");
        try (StandaloneSim sim = StandaloneSim.start(dir, home)) {
            CliRun run = roundtrip(sim, home, Map.of());
            assertThat(run.exitCode()).as(run.all()).isZero();

            CliRun show = CliRun.with()
                    .home(home)
                    .workingDir(dir)
                    .run("config", "show", "--host", "lab", "--site-config", sim.siteConfig.toString());
            assertThat(show.exitCode()).as(show.all()).isZero();
            assertThat(show.out())
                    .contains(
                            "ssh_identities: " + key,
                            "ssh_config: " + home.resolve(".ssh/config") + ":2 Host 127.*",
                            "ssh_agent: (none: SSH_AUTH_SOCK is not set)");
        }
    }

    @Test
    @DisplayName("--identity FILE logs in with that key; a missing one is one line, exit 2")
    void identityFlag() throws Exception {
        Path home = home();
        Path key = keygen(dir.resolve("elsewhere_rsa"), "rsa", "");
        Files.copy(key.resolveSibling("elsewhere_rsa.pub"), home.resolve(".ssh/elsewhere_rsa.pub"));
        try (StandaloneSim sim = StandaloneSim.start(dir, home)) {
            CliRun run = roundtrip(sim, home, Map.of(), "--identity", "elsewhere_rsa");
            assertThat(run.exitCode()).as(run.all()).isZero();

            CliRun missing = roundtrip(sim, home, Map.of(), "--identity", "absent_key");
            assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(missing.err().strip())
                    .isEqualTo(
                            "homestak: --identity absent_key: no such file (give a private key file, e.g. ~/.ssh/id_ed25519)");
        }
    }

    private static Path keygen(Path file, String type, String passphrase) throws Exception {
        return SshKeygen.generate(file, type, passphrase);
    }
}
