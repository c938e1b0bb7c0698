package dev.homestak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the built-in scenarios on --host sim from a fresh clone (no site-config, no ansible checkout)")
class SimHostScenariosTest {

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.with().workingDir(dir).run(args);
    }

    private static JsonNode result(CliRun run) {
        return RunTest.parse(run.out().lines().toList().getLast());
    }

    private static List<String> phaseStatuses(JsonNode result) {
        return java.util.stream.StreamSupport.stream(result.get("phases").spliterator(), false)
                .map(p -> p.get("name").asText() + "=" + p.get("status").asText())
                .toList();
    }

    private static String message(JsonNode result, String phase) {
        for (JsonNode p : result.get("phases")) {
            if (p.get("name").asText().equals(phase)) {
                return p.path("message").asText();
            }
        }
        throw new AssertionError("no phase " + phase + " in " + result);
    }

    @Test
    @DisplayName(
            "nested-pve-roundtrip passes in seconds with a non-routable inner PVE; the playbook phases say they were simulated; every request of both levels is in the PVE 9.1 schema")
    void nestedRoundtrip() throws IOException {
        Path log = dir.resolve("requests.jsonl");
        Instant start = Instant.now();
        CliRun run = run(
                "--scenario",
                "nested-pve-roundtrip",
                "--host",
                "sim",
                "--sim-profile",
                SimHostTest.INSTANT,
                "--sim-request-log",
                log.toString(),
                "--json-output");
        Duration took = Duration.between(start, Instant.now());

        assertThat(run.exitCode()).as(run.all()).isZero();
        JsonNode result = result(run);
        assertThat(phaseStatuses(result)).allMatch(s -> s.endsWith("=passed")).hasSize(13);
        assertThat(message(result, "install_pve"))
                .contains("pve-install.yml simulated")
                .contains("PVE installed");
        assertThat(message(result, "configure"))
                .contains("nested-pve-setup.yml simulated")
                .contains("vmbr0");
        assertThat(took).isLessThan(Duration.ofSeconds(60));

        // the inner PVE is non-routable (the default): its requests all came through the run's SSH forward
        RequestLogCheck requests = RequestLogCheck.read(log);
        assertThat(requests.outsideSchema())
                .as("requests outside the PVE 9.1 schema")
                .isEmpty();
        assertThat(requests.size()).isGreaterThan(20);
        assertThat(requests.nodes()).contains("nested-pve").hasSize(2);
        assertThat(Files.readAllLines(log)).anyMatch(l -> l.contains("\"/nodes/nested-pve/qemu\""));
    }

    @Test
    @DisplayName(
            "with a profile saying 'inner_non_routable: false' (a routable inner network) nested-pve-roundtrip passes too")
    void nestedRoundtripRoutable() {
        CliRun run = run(
                "--scenario",
                "nested-pve-roundtrip",
                "--host",
                "sim",
                "--sim-profile",
                SimHostTest.profile("instant-routable.yaml"),
                "--json-output");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(phaseStatuses(result(run)))
                .allMatch(s -> s.endsWith("=passed"))
                .hasSize(13);
    }

    @Test
    @DisplayName("pve-configure runs pve-setup and user against the simulated PVE host over its SSH")
    void pveConfigure() {
        CliRun run = run(
                "--scenario", "pve-configure", "--host", "sim", "--sim-profile", SimHostTest.INSTANT, "--json-output");

        assertThat(run.exitCode()).as(run.all()).isZero();
        JsonNode result = result(run);
        assertThat(phaseStatuses(result)).containsExactly("pve_setup=passed", "user=passed");
        assertThat(message(result, "pve_setup")).contains("pve-setup.yml simulated on 127.0.0.1");
        assertThat(message(result, "user"))
                .contains("user.yml simulated")
                .contains("user homestak with passwordless sudo");
    }

    @Test
    @DisplayName("with a site-config that lacks nested-pve, --host sim uses the built-in env and says so in one line")
    void builtInEnvWithSiteConfig() throws IOException {
        Path site = Files.createDirectories(dir.resolve("site-config/envs"));
        Files.writeString(site.getParent().resolve("site.yaml"), "defaults:\n  ssh_user: root\n");
        Files.createDirectories(site.getParent().resolve("vms/presets"));
        Files.writeString(site.getParent().resolve("vms/presets/small.yaml"), "cores: 1\nmemory: 1024\ndisk: 8\n");
        Files.writeString(site.getParent().resolve("vms/test.yaml"), "image: debian-12\npreset: small\n");
        Files.writeString(site.resolve("test.yaml"), "vmid_base: 99900\nvms:\n  - name: test\n    template: test\n");

        CliRun run = run(
                "--scenario",
                "nested-pve-roundtrip",
                "--host",
                "sim",
                "--site-config",
                site.getParent().toString(),
                "--sim-profile",
                SimHostTest.INSTANT);

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.all().lines().filter(l -> l.contains("built-in env")))
                .containsExactly("sim: using the built-in env nested-pve (not in " + site.getParent() + "/envs)");
    }
}
