package dev.homestak.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homestak.core.Secret;
import dev.homestak.proxmox.ProxmoxClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("homestak sim (the simulator standalone)")
class SimCommandTest {

    @Test
    @DisplayName(
            "prints endpoint, token and fingerprint, serves the API until Ctrl-C, logs every request as JSON Lines")
    void servesUntilInterrupted(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("requests.jsonl");
        CliRun.Setup setup = CliRun.with().workingDir(dir);
        CompletableFuture<CliRun> serving = CompletableFuture.supplyAsync(
                () -> setup.run("sim", "--request-log", "requests.jsonl", "--profile", SimHostTest.INSTANT));
        await().atMost(Duration.ofSeconds(60)).until(() -> setup.interrupts().armed());
        setup.interrupts().fire();
        CliRun run = serving.get(30, TimeUnit.SECONDS);

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out())
                .contains(
                        "endpoint:     https://127.0.0.1:",
                        "token:        root@pam!homestak=",
                        "fingerprint:  ",
                        "Stop with Ctrl-C.",
                        "homestak sim: stopped");
        assertThat(log).exists();
    }

    @Test
    @DisplayName(
            "the printed token and fingerprint work with the real client; the request log masks nothing it should show")
    void clientCanConnect(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("requests.jsonl");
        PipedSetup piped = new PipedSetup(dir);
        CompletableFuture<CliRun> serving =
                CompletableFuture.supplyAsync(() -> piped.setup.run("sim", "--request-log", log.toString()));
        String banner = piped.awaitBanner();
        Matcher m = Pattern.compile("endpoint: +(\\S+)\\n +token: +(\\S+)\\n +fingerprint: +(\\S+)")
                .matcher(banner);
        assertThat(m.find()).as(banner).isTrue();

        try (ProxmoxClient pve = ProxmoxClient.forHost(
                        URI.create(m.group(1)), Secret.of(m.group(2)), Optional.of(m.group(3)))
                .get()) {
            assertThat(pve.version().get().version()).isNotBlank();
        }
        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> Files.readString(log).contains("/version"));
        piped.setup.interrupts().fire();

        assertThat(serving.get(30, TimeUnit.SECONDS).exitCode()).isZero();
        String line = Files.readAllLines(log).stream()
                .filter(l -> l.contains("/version"))
                .findFirst()
                .orElseThrow();
        assertThat(RunTest.parse(line).get("method").asText()).isEqualTo("GET");
        assertThat(line).doesNotContain(m.group(2).substring(m.group(2).indexOf('=') + 1));
    }

    @Test
    @DisplayName("a bad --node is one line, exit 2")
    void badNode() {
        ErrorPathTest.assertOneLineError(CliRun.of("sim", "--node", "not a node"), "not a valid PVE node name");
    }

    /** A run whose stdout can be read while it is still running. */
    static final class PipedSetup {
        final CliRun.Setup setup;
        final java.io.PipedReader reader;

        PipedSetup(Path dir) throws java.io.IOException {
            java.io.PipedWriter writer = new java.io.PipedWriter();
            reader = new java.io.PipedReader(writer, 1 << 16);
            setup = CliRun.with().workingDir(dir).out(writer);
        }

        String awaitBanner() throws java.io.IOException {
            StringBuilder text = new StringBuilder();
            java.io.BufferedReader lines = new java.io.BufferedReader(reader);
            String line;
            while ((line = lines.readLine()) != null && !line.startsWith("Stop with Ctrl-C")) {
                text.append(line).append('\n');
            }
            return text.toString();
        }
    }

    @Test
    @DisplayName(
            "--authorized-keys FILE: the simulator starts with the file's keys (comments and blank lines left out)")
    void authorizedKeysFile(@TempDir Path dir) throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        String line = org.apache.sshd.common.config.keys.PublicKeyEntry.toString(
                generator.generateKeyPair().getPublic());
        Files.writeString(dir.resolve("keys.pub"), "# the operator's key\n\n" + line + " ops@example\n");
        CliRun.Setup setup = CliRun.with().workingDir(dir);
        CompletableFuture<CliRun> serving = CompletableFuture.supplyAsync(
                () -> setup.run("sim", "--authorized-keys", "keys.pub", "--profile", SimHostTest.INSTANT));
        await().atMost(Duration.ofSeconds(60)).until(() -> setup.interrupts().armed());
        setup.interrupts().fire(StopSignal.TERM);
        CliRun run = serving.get(30, TimeUnit.SECONDS);

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("endpoint:     https://127.0.0.1:", "homestak sim: stopped");
    }

    @Test
    @DisplayName("--authorized-keys with a missing file or one without a key: one line, exit 2")
    void authorizedKeysBad(@TempDir Path dir) throws Exception {
        ErrorPathTest.assertOneLineError(
                CliRun.with().workingDir(dir).run("sim", "--authorized-keys", "nope.pub"),
                "--authorized-keys",
                "nope.pub",
                "cannot be read");
        Files.writeString(dir.resolve("empty.pub"), "# nothing\n");
        ErrorPathTest.assertOneLineError(
                CliRun.with().workingDir(dir).run("sim", "--authorized-keys", "empty.pub"), "empty.pub holds no key");
    }
}
