package dev.homestak.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("proxmoxer (Debian's python3-proxmoxer) drives a VM lifecycle against the simulator unchanged")
class ProxmoxerClientTest {

    @TempDir
    Path dir;

    /** A Python 3 that can import proxmoxer: the one on PATH, else Debian's (pyenv shims hide it). */
    static Optional<String> python() {
        return Stream.of("python3", "/usr/bin/python3")
                .filter(py -> ExternalProcess.succeeds(List.of(py, "-c", "import proxmoxer")))
                .findFirst();
    }

    @Test
    @DisplayName(
            "create (MAC parsed from the stored net0), config, start, agent, snapshots, tasks, storage, network, users, stop, delete")
    void lifecycle() throws IOException {
        String python = RequiredTools.require("proxmoxer", python(), "apt-get install python3-proxmoxer");
        Path script =
                Path.of("src/test/resources/clients/proxmoxer_lifecycle.py").toAbsolutePath();
        try (Simulator sim = Simulator.builder().start().getOrElseThrow(f -> new AssertionError(f.message()))) {
            Path ca = Files.writeString(dir.resolve("sim.pem"), sim.certificatePem());
            ExternalProcess run = ExternalProcess.run(
                    List.of(python, script.toString()),
                    Map.of(
                            "PVE_HOST",
                            sim.host(),
                            "PVE_PORT",
                            Integer.toString(sim.port()),
                            "PVE_TOKEN",
                            sim.apiToken().reveal(),
                            "PVE_CA",
                            ca.toString()),
                    dir,
                    120);

            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output().lines().filter(l -> l.startsWith("ok ")).map(l -> l.replaceAll(" BC:.*", "")))
                    .containsExactly(
                            "ok version and nodes",
                            "ok create, MAC",
                            "ok update config",
                            "ok start, agent reports the MAC",
                            "ok snapshot create, list, rollback, delete",
                            "ok tasks, storage, network, users",
                            "ok stop, delete",
                            "ok unknown node refused");
            assertThat(sim.vms()).isEmpty();
        }
    }
}
