package dev.homestak.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the built-in host 'sim' (no site-config at all)")
class SimHostTest {

    static final String INSTANT =
            Path.of("src/test/resources/profiles/instant.yaml").toAbsolutePath().toString();

    /** The absolute path of a profile under {@code src/test/resources/profiles}. */
    static String profile(String name) {
        return Path.of("src/test/resources/profiles", name).toAbsolutePath().toString();
    }

    @TempDir
    Path dir;

    Path release() throws IOException {
        return Files.writeString(dir.resolve("ctx.json"), "{\"release\": \"yes\"}");
    }

    List<JsonNode> requests(Path log) throws IOException {
        return Files.readAllLines(log).stream().map(RunTest::parse).toList();
    }

    @Nested
    @DisplayName("the README's main job")
    class MainJob {

        @Test
        @DisplayName(
                "simple-vm-roundtrip on --host sim, no site-config: all six phases pass on the built-in test env, exit 0")
        void simpleVmRoundtrip() throws IOException {
            Path log = dir.resolve("requests.jsonl");
            CliRun run = CliRun.with()
                    .workingDir(dir)
                    .run(
                            "--scenario",
                            "simple-vm-roundtrip",
                            "--host",
                            "sim",
                            "--sim-profile",
                            INSTANT,
                            "--sim-request-log",
                            log.toString(),
                            "--json-output");

            assertThat(run.exitCode()).as(run.all()).isZero();
            JsonNode result = RunTest.parse(run.out().lines().toList().getLast());
            assertThat(result.get("phases"))
                    .extracting(p -> p.get("name").asText())
                    .containsExactly("ensure_image", "provision", "start", "wait_ip", "verify_ssh", "destroy");
            assertThat(result.get("phases"))
                    .extracting(p -> p.get("status").asText())
                    .containsOnly("passed");
            assertThat(result.get("context").get("test_vm_id").asInt()).isEqualTo(99900);
            assertThat(requests(log))
                    .anyMatch(r -> r.get("method").asText().equals("DELETE")
                            && r.get("path").asText().equals("/nodes/pve/qemu/99900")
                            && r.get("status").asInt() == 200);
            assertThat(run.all()).doesNotContain("root@pam!homestak=");
        }

        @Test
        @dev.homestak.sim.RequiresTool("ssh-keygen")
        @DisplayName(
                "a user whose ~/.ssh holds only an ed25519 key (from ssh-keygen) runs it too: the run logs in with its own key")
        void userWithEd25519Key() throws Exception {
            Path home = Files.createDirectories(dir.resolve("home/.ssh")).getParent();
            Process keygen = new ProcessBuilder(
                            "ssh-keygen",
                            "-q",
                            "-t",
                            "ed25519",
                            "-N",
                            "",
                            "-f",
                            home.resolve(".ssh/id_ed25519").toString())
                    .redirectErrorStream(true)
                    .start();
            assertThat(keygen.waitFor(30, TimeUnit.SECONDS) && keygen.exitValue() == 0)
                    .as("ssh-keygen")
                    .isTrue();

            CliRun run = CliRun.with()
                    .workingDir(dir)
                    .home(home)
                    .run("-S", "simple-vm-roundtrip", "-H", "sim", "--sim-profile", INSTANT);

            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.out()).contains("SSH available on");
        }

        @Test
        @DisplayName("--vm-id test=99950 provisions the VM under that id")
        void vmIdOverride() throws IOException {
            Path log = dir.resolve("requests.jsonl");
            CliRun run = CliRun.with()
                    .workingDir(dir)
                    .run(
                            "-S",
                            "simple-vm-roundtrip",
                            "-H",
                            "sim",
                            "--vm-id",
                            "test=99950",
                            "--sim-profile",
                            INSTANT,
                            "--sim-request-log",
                            log.toString());

            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(requests(log)).anyMatch(r -> r.get("path").asText().equals("/nodes/pve/qemu/99950"));
        }
    }

    @Nested
    @DisplayName("a roundtrip")
    class Roundtrip {

        @Test
        @DisplayName("starts the simulator, creates and destroys the VM through the real API, exits 0 with reports")
        void passes() throws IOException {
            Path log = dir.resolve("requests.jsonl");
            CliRun run = CliRun.with()
                    .workingDir(dir)
                    .run(
                            "-S",
                            "cli-vm-roundtrip",
                            "-H",
                            "sim",
                            "-C",
                            release().toString(),
                            "--sim-profile",
                            INSTANT,
                            "--sim-request-log",
                            log.toString(),
                            "--json-output");

            assertThat(run.exitCode()).as(run.all()).isZero();
            JsonNode result = RunTest.parse(run.out().lines().toList().getLast());
            assertThat(result.get("host").asText()).isEqualTo("sim");
            assertThat(result.get("phases"))
                    .extracting(p -> p.get("status").asText())
                    .containsOnly("passed");
            assertThat(dir.resolve("reports")).isDirectoryContaining("glob:**.passed.json");
            assertThat(requests(log))
                    .anyMatch(r -> r.get("method").asText().equals("POST")
                            && r.get("path").asText().equals("/nodes/pve/qemu")
                            && r.get("status").asInt() == 200)
                    .anyMatch(r -> r.get("method").asText().equals("DELETE")
                            && r.get("path").asText().equals("/nodes/pve/qemu/99901")
                            && r.get("status").asInt() == 200);
        }

        @Test
        @DisplayName("the sim's API token never shows: progress that contains it is masked in logs, events and reports")
        void secretsMasked() throws IOException {
            CliRun run = CliRun.with()
                    .workingDir(dir)
                    .run(
                            "-S",
                            "cli-vm-roundtrip",
                            "-H",
                            "sim",
                            "-C",
                            release().toString(),
                            "--sim-profile",
                            INSTANT,
                            "--json-output",
                            "--verbose");

            assertThat(run.all()).contains("creating VM 99901 with token ***").doesNotContain("root@pam!homestak=");
            try (var files = Files.walk(dir.resolve("reports"))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(f)).doesNotContain("root@pam!homestak=");
                }
            }
        }

        @Test
        @DisplayName("a failing API call fails the run: exit 1, cleanup still runs, the error names the PVE failure")
        void fails() {
            String profile = Path.of("src/test/resources/profiles/fail-create.yaml")
                    .toAbsolutePath()
                    .toString();

            CliRun run =
                    CliRun.with().workingDir(dir).run("-S", "cli-vm-roundtrip", "-H", "sim", "--sim-profile", profile);

            assertThat(run.exitCode()).as(run.all()).isIn(1, 3);
            assertThat(run.out())
                    .contains("phase create (Create VM) failed")
                    .containsPattern("destroy\\s+(passed|failed)\\*");
        }

        @Test
        @DisplayName("--sim-profile that does not exist: one line naming it, exit 2")
        void badProfile() {
            ErrorPathTest.assertOneLineError(
                    CliRun.with()
                            .workingDir(dir)
                            .run("-S", "cli-vm-roundtrip", "-H", "sim", "--sim-profile", "nope.yaml"),
                    "nope.yaml");
        }
    }

    @Nested
    @DisplayName("Ctrl-C")
    class CtrlC {

        /** Starts a roundtrip on the sim host and returns once it has sent its first write and handles signals. */
        CompletableFuture<CliRun> startedRoundtrip(CliRun.Setup setup, Path log, String... extra) throws Exception {
            List<String> args = new ArrayList<>(List.of(
                    "-S",
                    "cli-vm-roundtrip",
                    "-H",
                    "sim",
                    "--sim-profile",
                    INSTANT,
                    "--sim-request-log",
                    log.toString()));
            args.addAll(List.of(extra));
            CompletableFuture<CliRun> running =
                    CompletableFuture.supplyAsync(() -> setup.run(args.toArray(String[]::new)));
            await().atMost(Duration.ofSeconds(60))
                    .ignoreExceptions()
                    .until(() -> Files.exists(log)
                            && Files.readString(log).contains("\"POST\"")
                            && setup.interrupts().armed());
            return running;
        }

        @Test
        @DisplayName(
                "the first Ctrl-C cancels the running phase, cleanup removes the VM, exit 130, report marked interrupted")
        void interrupt() throws Exception {
            Path log = dir.resolve("requests.jsonl");
            CliRun.Setup setup = CliRun.with().workingDir(dir);
            CompletableFuture<CliRun> running = startedRoundtrip(setup, log);
            setup.interrupts().fire();
            CliRun run = running.get(60, TimeUnit.SECONDS);

            assertThat(run.exitCode()).as(run.all()).isEqualTo(130);
            assertThat(run.out())
                    .contains("interrupted (SIGINT): stopping the run, then cleanup", "INTERRUPTED in ")
                    .containsPattern("destroy\\s+passed\\*");
            Path json;
            try (var files = Files.list(dir.resolve("reports"))) {
                json = files.filter(f -> f.toString().endsWith(".json"))
                        .findFirst()
                        .orElseThrow();
            }
            assertThat(RunTest.parse(Files.readString(json).replace("\n", " "))
                            .get("outcome")
                            .asText())
                    .isEqualTo("interrupted");
            assertThat(requests(log))
                    .anyMatch(r -> r.get("method").asText().equals("DELETE")
                            && r.get("status").asInt() == 200);
        }

        @Test
        @DisplayName(
                "SIGTERM takes the path of the first Ctrl-C: cleanup removes the VM, exit 143, report interrupted by SIGTERM")
        void sigterm() throws Exception {
            Path log = dir.resolve("requests.jsonl");
            CliRun.Setup setup = CliRun.with().workingDir(dir);
            CompletableFuture<CliRun> running = startedRoundtrip(setup, log, "--json-output");
            setup.interrupts().fire(StopSignal.TERM);
            CliRun run = running.get(60, TimeUnit.SECONDS);

            assertThat(run.exitCode()).as(run.all()).isEqualTo(143);
            JsonNode result = RunTest.parse(run.out().lines().toList().getLast());
            assertThat(result.get("interrupted_by").asText()).isEqualTo("SIGTERM");
            assertThat(result.get("exit_code").asInt()).isEqualTo(143);
            assertThat(requests(log))
                    .anyMatch(r -> r.get("method").asText().equals("DELETE")
                            && r.get("status").asInt() == 200);
        }

        @Test
        @DisplayName(
                "a second signal (SIGHUP after Ctrl-C) stops cleanup at once and names the run's VMs and how to remove them")
        void secondSignal() throws Exception {
            Path log = dir.resolve("requests.jsonl");
            CliRun.Setup setup = CliRun.with().workingDir(dir);
            CompletableFuture<CliRun> running = startedRoundtrip(setup, log);
            setup.interrupts().fire(StopSignal.INT);
            setup.interrupts().fire(StopSignal.HUP);
            CliRun run = running.get(60, TimeUnit.SECONDS);

            assertThat(run.out())
                    .containsPattern(
                            "SIGHUP again: stopping cleanup now: resources may be left behind: "
                                    + "VMs tagged homestak-run-[0-9a-f-]+; remove them with: homestak cleanup --host sim --run [0-9a-f-]+ --yes");
            assertThat(run.exitCode()).as(run.all()).isIn(3, 130);
        }
    }

    @Nested
    @DisplayName("confirmation of destructive scenarios")
    class Confirm {

        @Test
        @DisplayName("without a terminal and without --yes the run is refused: exit 2, nothing touched")
        void refusedWithoutTerminal() {
            CliRun run =
                    CliRun.with().workingDir(dir).run("-S", "cli-vm-destructor", "-H", "sim", "--sim-profile", INSTANT);

            ErrorPathTest.assertOneLineError(run, "'cli-vm-destructor' is a destructive scenario", "add --yes");
            assertThat(dir.resolve("reports")).doesNotExist();
        }

        @Test
        @DisplayName("on a terminal, anything but y is 'Aborted.' and exit 1")
        void answeredNo() {
            CliRun run = CliRun.with()
                    .workingDir(dir)
                    .tty(false, "n")
                    .run("-S", "cli-vm-destructor", "-H", "sim", "--sim-profile", INSTANT);

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out())
                    .contains(
                            "WARNING: 'cli-vm-destructor' is a destructive scenario.",
                            "Target: sim",
                            "Continue? [y/N] ",
                            "Aborted.");
            assertThat(dir.resolve("reports")).doesNotExist();
        }

        @Test
        @DisplayName("y runs it; so does --yes without asking")
        void answeredYes() {
            CliRun asked = CliRun.with()
                    .workingDir(dir)
                    .tty(false, "y")
                    .run("-S", "cli-vm-destructor", "-H", "sim", "--sim-profile", INSTANT);
            CliRun yes = CliRun.with()
                    .workingDir(dir)
                    .run("-S", "cli-vm-destructor", "-H", "sim", "-y", "--sim-profile", INSTANT);

            // the VM does not exist in a fresh simulator: the destroy phase runs and fails
            assertThat(asked.out()).contains("Continue? [y/N] ").contains("✗ destroy  DELETE /nodes/pve/qemu/99901");
            assertThat(yes.out()).doesNotContain("Continue?").contains("Running phase: destroy");
            assertThat(yes.exitCode()).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("--preflight")
    class Preflight {

        @Test
        @DisplayName("lists token present, host reachable, TLS fingerprint and token accepted as ✓, exit 0")
        void allPass() {
            CliRun run = CliRun.with().workingDir(dir).run("--preflight", "-H", "sim", "-S", "cli-vm-roundtrip");

            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.out())
                    .contains(
                            "✓ API token present (root@pam!homestak)",
                            "✓ host reachable (127.0.0.1:",
                            "✓ TLS fingerprint matches",
                            "✓ API token accepted (GET /version: ",
                            "All checks passed.")
                    .doesNotContain("✗");
        }

        @Test
        @DisplayName("an unreachable node fails with ✗ and exit 2; before a run the same check stops it")
        void unreachable() {
            CliRun preflight = CliRun.of("--preflight", "-H", "pve", "--site-config", ConfigCommandTest.SITE);
            CliRun run = CliRun.of("-S", "cli-vm-roundtrip", "-H", "pve", "--site-config", ConfigCommandTest.SITE);

            assertThat(preflight.exitCode()).isEqualTo(2);
            assertThat(preflight.out())
                    .contains(
                            "✓ API token present (root@pam!tofu)",
                            "✗ host not reachable at localhost:8006",
                            "Some checks failed.");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err())
                    .startsWith("Pre-flight validation failed:\n  ✗ host not reachable")
                    .endsWith("Use --skip-preflight to bypass these checks\n");
        }
    }
}
