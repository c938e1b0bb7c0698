package dev.homestak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code pve} node on an image without PVE, from the command line on {@code -H sim}: its {@code install_pve} step
 * runs the pve-install playbook's simulator stand-in ({@link SimPlaybooks}), which makes the VM a nested PVE that its
 * child is then created in, through the SSH tunnel.
 */
@DisplayName("manifest test of a pve node on debian-12 on -H sim: PVE installed by the pve-install stand-in")
class ManifestPveInstallSimTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName(
            "manifest test passes: install_pve runs the simulated pve-install playbook, the bridge is created, the child lives inside")
    void debianPveNode() throws Exception {
        Path manifest = dir.resolve("n2-debian.yaml");
        Files.writeString(manifest, """
                schema_version: 2
                name: n2-debian
                description: "a pve node on a plain Debian image"
                pattern: tiered
                nodes:
                  - {name: root-pve, type: pve, spec: pve, preset: vm-large, image: debian-12, vmid: 99011}
                  - {name: edge, type: vm, spec: base, preset: vm-small, image: debian-12, vmid: 99021, parent: root-pve}
                """);

        CliRun run = CliRun.with()
                .workingDir(dir)
                .run(
                        "manifest",
                        "test",
                        "-M",
                        manifest.toString(),
                        "-H",
                        "sim",
                        "--sim-profile",
                        SimHostTest.INSTANT,
                        "--site-config",
                        ManifestValidateTest.SITE,
                        "--state-dir",
                        dir.resolve("state").toString(),
                        "--report-dir",
                        dir.resolve("reports").toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.all()).contains("test n2-debian on sim: passed");
        try (var reports = Files.list(dir.resolve("reports"))) {
            Path json = reports.filter(p -> p.toString().endsWith(".json"))
                    .findFirst()
                    .orElseThrow();
            assertThat(Files.readString(json))
                    .contains("root-pve/install_pve")
                    .contains("\"message\": \"PVE installed on ")
                    .contains("bridge vmbr0 created")
                    .contains("edge/provision");
        }
    }
}
