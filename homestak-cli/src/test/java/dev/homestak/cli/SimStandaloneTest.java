package dev.homestak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("runs of several commands against one standalone 'homestak sim' (--sim-connection)")
class SimStandaloneTest {

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.with().workingDir(dir).run(args);
    }

    @Test
    @DisplayName(
            "constructor -> bootstrap-install -> destructor with -C ctx.json, and the nested pair (inner PVE non-routable), all pass; the connection file is private and gone after Ctrl-C")
    void pairsAndBootstrap() throws Exception {
        Path connection = dir.resolve(ConnectedSim.FILE);
        try (ConnectedSim sim = ConnectedSim.serve(dir, SimHostTest.INSTANT)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(connection)))
                    .isEqualTo("rw-------");
            CliRun constructor =
                    run("-S", "simple-vm-constructor", "-H", "sim", "--sim-connection", "sim.json", "-C", "ctx.json");
            assertThat(constructor.exitCode()).as(constructor.all()).isZero();
            JsonNode ctx = RunTest.parse(Files.readString(dir.resolve("ctx.json")));
            assertThat(ctx.path("vm_ip").asText()).isNotBlank();

            CliRun bootstrap = run(
                    "-S",
                    "bootstrap-install",
                    "-H",
                    "sim",
                    "--sim-connection",
                    "sim.json",
                    "-C",
                    "ctx.json",
                    "--homestak-user",
                    "alice");
            assertThat(bootstrap.exitCode()).as(bootstrap.all()).isZero();
            assertThat(bootstrap.out()).contains("User alice exists with passwordless sudo");

            CliRun destructor = run(
                    "-S",
                    "simple-vm-destructor",
                    "-H",
                    "sim",
                    "--sim-connection",
                    "sim.json",
                    "-C",
                    "ctx.json",
                    "--yes");
            assertThat(destructor.exitCode()).as(destructor.all()).isZero();

            CliRun nested = run(
                    "-S", "nested-pve-constructor", "-H", "sim", "--sim-connection", "sim.json", "-C", "nested.json");
            assertThat(nested.exitCode()).as(nested.all()).isZero();
            CliRun nestedDown = run(
                    "-S",
                    "nested-pve-destructor",
                    "-H",
                    "sim",
                    "--sim-connection",
                    "sim.json",
                    "-C",
                    "nested.json",
                    "--yes");
            assertThat(nestedDown.exitCode()).as(nestedDown.all()).isZero();
            // a non-routable inner PVE (the default): the destructor mints its own token over SSH and removes the test
            // VM through its own forward
            assertThat(nestedDown.all())
                    .contains("Phase cleanup_remote passed: API token root@pam!homestak-")
                    .contains("Destroyed VM 99900 (test)");
        }
        assertThat(connection).doesNotExist();
    }

    @Test
    @DisplayName(
            "a constructor's VM on a standalone simulator: 'cleanup -H sim --sim-connection' lists it, --yes removes it")
    void cleanupThroughConnection() throws Exception {
        try (ConnectedSim sim = ConnectedSim.serve(dir, SimHostTest.INSTANT)) {
            CliRun constructor =
                    run("-S", "simple-vm-constructor", "-H", "sim", "--sim-connection", "sim.json", "-C", "ctx.json");
            assertThat(constructor.exitCode()).as(constructor.all()).isZero();

            CliRun listed = run("cleanup", "-H", "sim", "--sim-connection", "sim.json", "--dry-run");
            assertThat(listed.all()).contains("99900", "test");
            CliRun removed = run("cleanup", "-H", "sim", "--sim-connection", "sim.json", "--yes");
            assertThat(removed.exitCode()).as(removed.all()).isZero();
            JsonNode after = RunTest.parse(
                    run("cleanup", "-H", "sim", "--sim-connection", "sim.json", "--dry-run", "--json-output")
                            .out()
                            .strip());
            assertThat(after.path("vms")).isEmpty();
        }
    }

    @Test
    @DisplayName("--sim-connection to a file that does not exist: one line saying how to start the simulator, exit 2")
    void missingConnection() {
        ErrorPathTest.assertOneLineError(
                run("-S", "simple-vm-constructor", "-H", "sim", "--sim-connection", "nope.json"),
                "no simulator connection file",
                "homestak sim --connection-file");
    }
}
