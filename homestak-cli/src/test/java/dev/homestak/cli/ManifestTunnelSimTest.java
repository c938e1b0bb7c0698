package dev.homestak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manifests of {@code ../shared/fixtures/site-config-v2} on simulators whose nested PVEs are non-routable (the
 * default): every inner API answers only through the SSH forwards homestak opens along the chain of parents.
 */
@DisplayName("manifest test of pve trees on -H sim and on a standalone 'homestak sim', inner APIs through SSH tunnels")
class ManifestTunnelSimTest {

    @TempDir
    Path dir;

    private String[] common(String... more) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(more));
        all.addAll(java.util.List.of(
                "--site-config",
                ManifestValidateTest.SITE,
                "--state-dir",
                dir.resolve("state").toString(),
                "--report-dir",
                dir.resolve("reports").toString()));
        return all.toArray(String[]::new);
    }

    @Test
    @DisplayName(
            "-H sim: manifest test -M n3-deep passes; the request log has requests of all three PVE levels, all in the PVE 9.1 schema")
    void n3DeepEmbedded() throws Exception {
        Path log = dir.resolve("requests.jsonl");
        CliRun run = CliRun.with()
                .workingDir(dir)
                .run(common(
                        "manifest",
                        "test",
                        "-M",
                        "n3-deep",
                        "-H",
                        "sim",
                        "--sim-profile",
                        SimHostTest.INSTANT,
                        "--sim-request-log",
                        log.toString()));

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.all()).contains("test n3-deep on sim: passed");
        String requests = Files.readString(log);
        assertThat(requests).contains("\"/nodes/root-pve/qemu\"").contains("\"/nodes/leaf-pve/qemu\"");
        // every level (the host, root-pve and leaf-pve, the inner two only through SSH forwards) in the schema
        RequestLogCheck levels = RequestLogCheck.read(log);
        assertThat(levels.nodes()).contains("root-pve", "leaf-pve").hasSize(3);
        assertThat(levels.outsideSchema())
                .as("requests outside the PVE 9.1 schema")
                .isEmpty();
    }

    @Test
    @DisplayName("-H sim: manifest test -M n2-push passes (edge inside root-pve, reached through the tunnel)")
    void n2PushEmbedded() {
        CliRun run = CliRun.with()
                .workingDir(dir)
                .run(common("manifest", "test", "-M", "n2-push", "-H", "sim", "--sim-profile", SimHostTest.INSTANT));

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.all()).contains("test n2-push on sim: passed");
    }

    @Test
    @DisplayName(
            "standalone 'homestak sim' (default: nested PVEs non-routable): manifest test -M n2-push, then -M n3-deep,"
                    + " pass against the same simulator")
    void n2PushAndN3DeepStandalone() throws Exception {
        try (ConnectedSim sim = ConnectedSim.serve(dir, SimHostTest.INSTANT)) {
            for (String manifest : java.util.List.of("n2-push", "n3-deep")) {
                CliRun run = CliRun.with()
                        .workingDir(dir)
                        .run(common("manifest", "test", "-M", manifest, "-H", "sim", "--sim-connection", "sim.json"));
                assertThat(run.exitCode()).as(run.all()).isZero();
                assertThat(run.all()).contains("test " + manifest + " on sim: passed");
            }
        }
    }
}
