package dev.homestak.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homestak.scenarios.RunEvent;
import dev.homestak.scenarios.RunHandle;
import dev.homestak.scenarios.RunOptions;
import dev.homestak.scenarios.RunOutcome;
import dev.homestak.sim.Timing;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Runs cancelled at seeded random points: through the API, and by SIGINT, SIGTERM and SIGHUP to the {@code homestak} process. */
@Order(50)
@DisplayName("interrupts: cancelled runs leave nothing behind")
class InterruptsTest {

    static final long SEED = Long.getLong("resilience.seed", 20260103L);
    static final int API_RUNS = 20;
    static final int SIGNAL_RUNS = 2;
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @DisplayName(
            "20 runs cancelled through the API at a random event: no VM left, report written and marked interrupted")
    void viaApi() throws Exception {
        Path root = Outputs.dir("interrupts/api");
        Random random = new Random(SEED);
        // realistic durations at 1/50: tasks take tens of milliseconds, boot half a second, so cancels land mid-phase
        try (SimSite site = SimSite.start(root, b -> b.timing(Timing.realistic().withSpeedFactor(0.02)))) {
            for (int i = 0; i < API_RUNS; i++) {
                int at = 2 + random.nextInt(12); // the run sends about 16 events before the destroy phase
                AtomicInteger seen = new AtomicInteger();
                CompletableFuture<RunHandle> handle = new CompletableFuture<>();
                CompletableFuture<Boolean> cancelled = new CompletableFuture<>();
                Runs.Finished run = Runs.start(
                        site,
                        root.resolve("run-" + i),
                        SimSite.scenario("simple-vm-roundtrip"),
                        RunOptions.defaults(),
                        e -> {
                            if (seen.incrementAndGet() == at && !(e instanceof RunEvent.RunFinished)) {
                                handle.thenAccept(h -> {
                                    h.cancel();
                                    cancelled.complete(true);
                                });
                            }
                        },
                        handle::complete);
                assertThat(cancelled.get(60, TimeUnit.SECONDS)).isTrue();

                assertThat(run.report().outcome())
                        .as("run %d cancelled at event %d", i, at)
                        .isEqualTo(RunOutcome.INTERRUPTED);
                assertThat(site.sim.vms()).as("VMs left after run %d", i).isEmpty();
                Path json = run.report().files().stream()
                        .filter(f -> f.toString().endsWith(".json"))
                        .findFirst()
                        .orElseThrow();
                assertThat(JSON.readTree(json.toFile()).path("outcome").asText())
                        .isEqualTo("interrupted");
            }
        }
    }

    /**
     * The process runs against this JVM's simulator through a site-config node {@code lab} (with the site's SSH
     * key as the user's {@code ~/.ssh/id_rsa}), so the test can see the simulator's VMs after the process ended.
     * The process is started directly (not from a shell), so SIGINT is not ignored, as on a terminal or a CI runner.
     */
    @ParameterizedTest(name = "SIG{0}: exit {1}")
    @CsvSource({"INT, 130", "TERM, 143", "HUP, 129"})
    @DisplayName(
            "a stop signal to the homestak process at a random event: exit 128+signal, report interrupted by it, no VM left")
    void viaSignal(String signal, int exitCode) throws Exception {
        Path root = Outputs.dir("interrupts/sig" + signal.toLowerCase(java.util.Locale.ROOT));
        Random random = new Random(SEED + signal.hashCode());
        try (SimSite site = SimSite.start(root, b -> b.timing(Timing.realistic().withSpeedFactor(0.02)))) {
            Path siteConfig = labSite(site);
            for (int i = 0; i < SIGNAL_RUNS; i++) {
                Path dir = runDir(site, root, i);
                int at = 2 + random.nextInt(8);
                Process p = CliProcess.start(
                        dir,
                        java.util.Map.of(),
                        List.of(
                                "-S",
                                "simple-vm-roundtrip",
                                "-H",
                                "lab",
                                "--site-config",
                                siteConfig.toString(),
                                "--json-output"));
                List<JsonNode> events = new ArrayList<>();
                try (BufferedReader lines = Files.newBufferedReader(dir.resolve("stdout.txt"))) {
                    follow(p, lines, events, at, signal);
                }
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

                String stderr = Files.readString(dir.resolve("stderr.txt"));
                assertThat(p.exitValue())
                        .as("run %d, SIG%s at event %d: %s", i, signal, at, stderr)
                        .isEqualTo(exitCode);
                JsonNode result = events.getLast();
                assertThat(result.path("outcome").asText()).isEqualTo("interrupted");
                assertThat(result.path("interrupted_by").asText()).isEqualTo("SIG" + signal);
                Path report = dir.resolve(result.path("reports").get(0).asText());
                assertThat(Files.readString(report))
                        .contains("\"outcome\": \"interrupted\"", "\"interrupted_by\": \"SIG" + signal + "\"");
                assertThat(site.sim.vms()).as("VMs left by run %d", i).isEmpty();
            }
        }
    }

    @Test
    @DisplayName("SIGTERM during start-up, before a run exists: the process exits at once with 143 and creates nothing")
    void duringStartup() throws Exception {
        Path root = Outputs.dir("interrupts/startup");
        try (SimSite site = SimSite.start(root, b -> b)) {
            Path dir = runDir(site, root, 0);
            Process p = CliProcess.start(
                    dir,
                    java.util.Map.of(),
                    List.of(
                            "-S",
                            "simple-vm-roundtrip",
                            "-H",
                            "lab",
                            "--site-config",
                            labSite(site).toString(),
                            "--json-output"));
            new ProcessBuilder("kill", "-s", "TERM", Long.toString(p.pid()))
                    .start()
                    .waitFor();

            assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("exited within 10 s").isTrue();
            assertThat(p.exitValue()).isEqualTo(143);
            assertThat(site.sim.vms()).isEmpty();
        }
    }

    /** Node {@code lab}: the site's node {@code sim}, with its token, for a process of its own. */
    static Path labSite(SimSite site) throws java.io.IOException {
        Path siteConfig = site.root.resolve("site-config");
        Path lab = siteConfig.resolve("nodes/lab.yaml");
        if (!Files.exists(lab)) {
            Files.writeString(lab, Files.readString(siteConfig.resolve("nodes/sim.yaml")) + "api_token: sim\n");
        }
        return siteConfig;
    }

    /** A directory for one process, whose home has the site's key as {@code ~/.ssh/id_rsa}. */
    static Path runDir(SimSite site, Path root, int i) throws java.io.IOException {
        Path dir = Files.createDirectories(root.resolve("run-" + i));
        Files.createDirectories(dir.resolve("home/.ssh"));
        Files.copy(site.keyFile, dir.resolve("home/.ssh/id_rsa"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return dir;
    }

    /** Reads the JSON lines as the process writes them; sends {@code signal} when the {@code at}-th arrives. */
    static void follow(Process p, BufferedReader lines, List<JsonNode> events, int at, String signal) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        StringBuilder partial = new StringBuilder();
        while (System.nanoTime() < deadline) {
            int c = lines.read();
            if (c < 0) {
                if (!p.isAlive()) {
                    return;
                }
                Thread.onSpinWait();
                p.waitFor(5, TimeUnit.MILLISECONDS); // a bounded wait for more output, not a fixed sleep
                continue;
            }
            if (c != '\n') {
                partial.append((char) c);
                continue;
            }
            String line = partial.toString();
            partial.setLength(0);
            if (!line.startsWith("{")) {
                continue;
            }
            events.add(JSON.readTree(line));
            if (events.size() == at) {
                new ProcessBuilder("kill", "-s", signal, Long.toString(p.pid()))
                        .start()
                        .waitFor();
            }
        }
        throw new AssertionError("homestak did not finish within 90 s");
    }
}
