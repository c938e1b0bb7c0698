package dev.homestak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.sim.Simulator;
import dev.homestak.sim.Timing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("homestak manifest on a simulator serving as a site-config node (as `homestak sim` does)")
class ManifestStandaloneSimTest {

    @TempDir
    Path dir;

    Simulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    @DisplayName("apply twice: the second changes nothing and says so; status lists the VMs; destroy --yes leaves none")
    void applyTwice() throws IOException {
        sim = Simulator.builder().timing(Timing.instant()).start().getOrElseThrow(f -> new AssertionError(f.message()));
        Path site = dir.resolve("site-config");
        Files.createDirectories(site.resolve("nodes"));
        Files.createDirectories(site.resolve("presets"));
        Files.writeString(site.resolve("presets/vm-small.yaml"), "cores: 2\nmemory: 2048\ndisk: 10\n");
        Files.writeString(
                site.resolve("secrets.yaml"),
                "api_tokens:\n  lab: \"" + sim.apiToken().reveal() + "\"\n");
        Files.writeString(
                site.resolve("nodes/lab.yaml"),
                "api_endpoint: \"https://" + sim.host() + ":" + sim.port() + "\"\n" + "node: " + sim.node()
                        + "\ndatastore: local-lvm\nprovisioner: api\ntls_fingerprint: \"" + sim.fingerprintSha256()
                        + "\"\n");
        Path manifest = dir.resolve("pair.yaml");
        Files.writeString(manifest, """
                schema_version: 2
                name: pair
                settings: {verify_ssh: false}
                nodes:
                  - {name: web, type: vm, preset: vm-small, image: debian-12, vmid: 99201}
                  - {name: db, type: vm, preset: vm-small, image: debian-12, vmid: 99202}
                """);
        String[] common = {
            "--manifest-file",
            manifest.toString(),
            "-H",
            "lab",
            "--site-config",
            site.toString(),
            "--state-dir",
            dir.resolve("state").toString(),
            "--report-dir",
            dir.resolve("reports").toString()
        };

        CliRun first = CliRun.with().workingDir(dir).run(concat("apply", common));
        CliRun second = CliRun.with().workingDir(dir).run(concat("apply", common));
        CliRun status = CliRun.with().workingDir(dir).run(concat("status", common));
        CliRun destroy = CliRun.with().workingDir(dir).run(concat("destroy", common, "--yes"));

        assertThat(first.exitCode()).as(first.all()).isZero();
        assertThat(first.out()).contains("apply pair on lab: passed").contains("web: completed vmid 99201");
        assertThat(second.exitCode()).as(second.all()).isZero();
        assertThat(second.out())
                .contains("No changes: deployment pair on lab is up to date (2 nodes kept)")
                .contains("web/keep")
                .doesNotContain("web/provision");
        assertThat(status.out())
                .containsPattern("web +vm +99201 +running +127\\.")
                .containsPattern("db +vm +99202 +running");
        assertThat(destroy.exitCode()).as(destroy.all()).isZero();
        assertThat(sim.vms()).isEmpty();
        assertThat(second.all()).doesNotContain(sim.apiToken().reveal());
    }

    private static String[] concat(String verb, String[] common, String... more) {
        String[] all = new String[2 + common.length + more.length];
        all[0] = "manifest";
        all[1] = verb;
        System.arraycopy(common, 0, all, 2, common.length);
        System.arraycopy(more, 0, all, 2 + common.length, more.length);
        return all;
    }
}
