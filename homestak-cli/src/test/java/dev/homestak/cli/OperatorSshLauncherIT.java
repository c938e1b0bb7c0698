package dev.homestak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.sim.OpenSshAgent;
import dev.homestak.sim.RequiresTool;
import dev.homestak.sim.SshKeygen;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./homestak} launcher, as an operator runs it: {@code ./homestak sim} in one process, then
 * {@code ./homestak --scenario simple-vm-roundtrip --host lab} against it in another, with the operator's home
 * ({@code user.home}, as ssh takes it from the account) in a temporary directory.
 */
@RequiresTool({"ssh-keygen", "ssh-agent", "ssh-add", "script"})
@DisplayName(
        "./homestak with the operator's SSH: ed25519 in ssh-agent without BouncyCastle, a passphrase typed on a terminal")
class OperatorSshLauncherIT {

    private static final String PASSPHRASE = "typed on the terminal";

    @TempDir
    Path dir;

    private Path home;
    private Process sim;
    private Path site;

    /** The launcher with {@code home} as the account's home directory. */
    private ProcessBuilder homestak(String... args) {
        List<String> command = new ArrayList<>(List.of(LauncherIT.LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("HOME", home.toString());
        pb.environment().put("JDK_JAVA_OPTIONS", "-Duser.home=" + home);
        pb.environment().remove("SSH_AUTH_SOCK");
        pb.environment().remove("HOMESTAK_SITE_CONFIG");
        return pb;
    }

    @BeforeEach
    void keysAndSim() throws Exception {
        home = Files.createDirectories(dir.resolve("home/.ssh")).getParent();
        SshKeygen.generate(home.resolve(".ssh/id_ed25519"), "ed25519", PASSPHRASE);
        SshKeygen.generate(home.resolve(".ssh/id_ecdsa"), "ecdsa", PASSPHRASE);
        sim = homestak("sim", "--profile", SimHostTest.INSTANT)
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(sim.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder banner = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("Stop with Ctrl-C")) {
            banner.append(line).append('\n');
        }
        site = StandaloneSim.writeSite(dir, banner.toString());
        Thread.ofVirtual().start(() -> drain(out));
    }

    @AfterEach
    void stopSim() throws Exception {
        sim.destroy();
        assertThat(sim.waitFor(30, TimeUnit.SECONDS)).as("homestak sim stopped").isTrue();
    }

    @Test
    @DisplayName(
            "an ed25519 key, passphrase-protected, only in ssh-agent: the run passes and the CLI's JVM never loads BouncyCastle")
    void ed25519ThroughTheAgent() throws Exception {
        try (OpenSshAgent agent = OpenSshAgent.start(dir)) {
            agent.add(home.resolve(".ssh/id_ed25519"), PASSPHRASE);
            Files.delete(home.resolve(".ssh/id_ed25519"));
            Files.delete(home.resolve(".ssh/id_ecdsa"));
            Path classes = dir.resolve("classes.log");
            ProcessBuilder pb =
                    homestak("--scenario", "simple-vm-roundtrip", "--host", "lab", "--site-config", site.toString());
            pb.environment().putAll(agent.environment());
            pb.environment().put("JDK_JAVA_OPTIONS", "-Duser.home=" + home + " -Xlog:class+load:file=" + classes);
            Process run = pb.redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(run.exitValue()).as(output).isZero();
            assertThat(output).contains("verify_ssh    passed");
            List<String> loaded = Files.readAllLines(classes);
            assertThat(loaded).anyMatch(l -> l.contains("dev.homestak.actions.internal.AgentAuthMethod"));
            // sshj's configuration names one BouncyCastle interface (its random generator's type) when it starts, as
            // before this change; no provider, key or signature class of BouncyCastle may be loaded
            assertThat(loaded)
                    .filteredOn(l -> l.contains("org.bouncycastle")
                            && !l.contains("org.bouncycastle.crypto.prng.RandomGenerator "))
                    .as("BouncyCastle classes loaded")
                    .isEmpty();
            assertThat(loaded).noneMatch(l -> l.contains("net.i2p.crypto"));
        }
    }

    @Test
    @DisplayName(
            "no agent, a passphrase-protected key file: asked once on the terminal, not echoed, and the run passes")
    void passphraseOnTheTerminal() throws Exception {
        Files.delete(home.resolve(".ssh/id_ed25519")); // the simulator's SSH here checks ECDSA and RSA only
        // script(1) gives the launcher a pseudo-terminal, as an operator's shell has
        String command = String.join(
                " ",
                homestak("--scenario", "simple-vm-roundtrip", "--host", "lab", "--site-config", site.toString())
                        .command());
        ProcessBuilder pb =
                homestak().command("script", "-qec", command, "/dev/null").redirectErrorStream(true);
        Process run = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder transcript = new StringBuilder();
        int c;
        while ((c = out.read()) >= 0) {
            transcript.append((char) c);
            if (transcript.toString().endsWith("id_ecdsa': ")) {
                try (OutputStream in = run.getOutputStream()) {
                    in.write((PASSPHRASE + "\n").getBytes(StandardCharsets.UTF_8));
                    in.flush();
                    drainInto(out, transcript);
                }
                break;
            }
        }

        assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(transcript.toString()).isZero();
        String text = transcript.toString();
        assertThat(text.split("Enter passphrase for key", -1)).as("asked once").hasSize(2);
        assertThat(text).contains("PASSED in").doesNotContain(PASSPHRASE);
    }

    private static void drainInto(BufferedReader out, StringBuilder transcript) throws java.io.IOException {
        int c;
        while ((c = out.read()) >= 0) {
            transcript.append((char) c);
        }
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // the simulator's log, not needed
            }
        } catch (java.io.IOException e) {
            // the simulator stopped
        }
    }
}
