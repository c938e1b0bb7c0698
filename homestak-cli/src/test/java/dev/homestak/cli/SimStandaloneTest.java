package dev.homestak.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
            "constructor -> bootstrap-install -> destructor with -C ctx.json, and the nested pair, all pass; the connection file is private and gone after Ctrl-C")
    void pairsAndBootstrap() throws Exception {
        CliRun.Setup server = CliRun.with().workingDir(dir);
        // the nested-pve scenario calls the nested API directly: this simulator models a routable inner network
        CompletableFuture<CliRun> serving = CompletableFuture.supplyAsync(() -> server.run(
                "sim", "--connection-file", "sim.json", "--profile", SimHostTest.profile("instant-routable.yaml")));
        Path connection = dir.resolve("sim.json");
        await().atMost(Duration.ofSeconds(60)).until(() -> server.interrupts().armed() && Files.exists(connection));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(connection)))
                .isEqualTo("rw-------");
        try {
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
        } finally {
            server.interrupts().fire();
        }
        assertThat(serving.get(30, TimeUnit.SECONDS).exitCode()).isZero();
        assertThat(connection).doesNotExist();
    }

    @Test
    @DisplayName(
            "a constructor's VM on a standalone simulator: 'cleanup -H sim --sim-connection' lists it, --yes removes it")
    void cleanupThroughConnection() throws Exception {
        CliRun.Setup server = CliRun.with().workingDir(dir);
        CompletableFuture<CliRun> serving = CompletableFuture.supplyAsync(
                () -> server.run("sim", "--connection-file", "sim.json", "--profile", SimHostTest.INSTANT));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> server.interrupts().armed() && Files.exists(dir.resolve("sim.json")));
        try {
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
        } finally {
            server.interrupts().fire();
        }
        assertThat(serving.get(30, TimeUnit.SECONDS).exitCode()).isZero();
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
