package dev.homestak.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homestak.proxmox.model.CreateVmRequest;
import dev.homestak.sim.Timing;
import dev.homestak.sim.VmView;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs whose process dies without any cleanup ({@code kill -9}, power loss): their VMs stay, tagged with the run, and
 * {@code homestak cleanup} removes them, never a VM without homestak's tag and never one of a run still alive.
 */
@Order(55)
@DisplayName("kill -9: homestak cleanup removes what a dead run left, and nothing else")
class KillNineTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> AFTER_PROVISION = List.of("start", "wait_ip", "verify_ssh");

    @Test
    @DisplayName(
            "kill -9 at a random phase after provision, then cleanup --host H --yes: 0 tagged VMs left, the untagged VM untouched")
    void killThenCleanup() throws Exception {
        Path root = Outputs.dir("kill9/dead");
        String phase = AFTER_PROVISION.get(new Random(InterruptsTest.SEED).nextInt(AFTER_PROVISION.size()));
        try (SimSite site = SimSite.start(root, b -> b.timing(Timing.realistic().withSpeedFactor(0.02)))) {
            Path siteConfig = InterruptsTest.labSite(site);
            handmade(site);
            Process p = roundtrip(site, root, 0, siteConfig);
            awaitLine(p, root.resolve("run-0/stdout.txt"), started(phase));
            new ProcessBuilder("kill", "-s", "KILL", Long.toString(p.pid()))
                    .start()
                    .waitFor();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(137);
            assertThat(site.sim.vms()).extracting(VmView::vmid).containsExactlyInAnyOrder(99900, 555);

            CliProcess.Result dry = cleanup(root, "dry", siteConfig, "--dry-run", "--json-output");
            assertThat(dry.exitCode()).as(dry.err()).isZero();
            JsonNode listed = JSON.readTree(dry.out());
            assertThat(listed.path("vms")).singleElement().satisfies(vm -> {
                assertThat(vm.path("vmid").asInt()).isEqualTo(99900);
                assertThat(vm.path("action").asText()).isEqualTo("remove: run not alive");
                assertThat(vm.path("created").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
            });
            assertThat(site.sim.vms()).hasSize(2);

            CliProcess.Result yes = cleanup(root, "yes", siteConfig, "--yes");
            assertThat(yes.exitCode()).as(yes.out() + yes.err()).isZero();
            assertThat(yes.out()).contains("99900", "remove: run not alive", "Removed 1 VMs; nothing left.");
            assertThat(site.sim.vms()).extracting(VmView::vmid).containsExactly(555);
        }
    }

    @Test
    @DisplayName(
            "a run still alive (its process stopped with SIGSTOP, its lock held) is left alone; once it goes on it cleans up itself")
    void aliveRunKept() throws Exception {
        Path root = Outputs.dir("kill9/alive");
        try (SimSite site = SimSite.start(root, b -> b.timing(Timing.realistic().withSpeedFactor(0.02)))) {
            Path siteConfig = InterruptsTest.labSite(site);
            Process p = roundtrip(site, root, 0, siteConfig);
            awaitLine(p, root.resolve("run-0/stdout.txt"), started("wait_ip"));
            new ProcessBuilder("kill", "-s", "STOP", Long.toString(p.pid()))
                    .start()
                    .waitFor();
            try {
                CliProcess.Result r = cleanup(root, "alive", siteConfig, "--yes");
                assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
                assertThat(r.out()).contains("kept: run alive on this machine", "Nothing to clean up.");
                assertThat(site.sim.vms()).extracting(VmView::vmid).containsExactly(99900);
            } finally {
                new ProcessBuilder("kill", "-s", "CONT", Long.toString(p.pid()))
                        .start()
                        .waitFor();
            }
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            assertThat(site.sim.vms()).isEmpty();
        }
    }

    /** A VM made by hand, without homestak's tag. */
    private static void handmade(SimSite site) {
        site.clients
                .forHost(site.host)
                .get()
                .node(site.sim.node())
                .qemu()
                .create(CreateVmRequest.builder(555).name("handmade").build())
                .flatMap(t -> t.await(Duration.ofSeconds(10)))
                .get();
    }

    private static Process roundtrip(SimSite site, Path root, int i, Path siteConfig) throws Exception {
        Path dir = InterruptsTest.runDir(site, root, i);
        return CliProcess.start(
                dir,
                Map.of(),
                List.of(
                        "-S",
                        "simple-vm-roundtrip",
                        "-H",
                        "lab",
                        "--site-config",
                        siteConfig.toString(),
                        "--json-output"));
    }

    /** {@code homestak cleanup --host lab ...} as a process whose home is the killed run's (same lock directory). */
    private static CliProcess.Result cleanup(Path root, String name, Path siteConfig, String... more) throws Exception {
        Path dir = Files.createDirectories(root.resolve("cleanup-" + name));
        Files.createDirectories(dir.resolve("home"));
        List<String> args =
                new java.util.ArrayList<>(List.of("cleanup", "--host", "lab", "--site-config", siteConfig.toString()));
        args.addAll(List.of(more));
        return CliProcess.run(
                dir,
                Map.of("XDG_STATE_HOME", root.resolve("run-0/home/.local/state").toString()),
                args);
    }

    private static Predicate<JsonNode> started(String phase) {
        return e -> e.path("type").asText().equals("phase_started")
                && e.path("phase").asText().equals(phase);
    }

    /** Follows the process's JSON lines until one matches (within 60 s). */
    static void awaitLine(Process p, Path stdout, Predicate<JsonNode> wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (BufferedReader lines = Files.newBufferedReader(stdout)) {
            StringBuilder partial = new StringBuilder();
            while (System.nanoTime() < deadline) {
                int c = lines.read();
                if (c < 0) {
                    assertThat(p.isAlive()).as("process alive while waiting").isTrue();
                    p.waitFor(5, TimeUnit.MILLISECONDS); // a bounded wait for more output, not a fixed sleep
                } else if (c != '\n') {
                    partial.append((char) c);
                } else if (partial.toString().startsWith("{") && wanted.test(JSON.readTree(partial.toString()))) {
                    return;
                } else {
                    partial.setLength(0);
                }
            }
        }
        throw new AssertionError("the awaited event did not come within 60 s");
    }
}
