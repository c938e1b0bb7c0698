package dev.homestak.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A standalone {@code homestak sim --connection-file sim.json} serving in a test's working directory, for commands
 * run there with {@code -H sim --sim-connection sim.json}. Closing it stops the simulator as Ctrl-C does and asserts
 * it exited 0.
 */
final class ConnectedSim implements AutoCloseable {

    /** The connection file's name, relative to the working directory. */
    static final String FILE = "sim.json";

    private final CliRun.Setup server;
    private final CompletableFuture<CliRun> serving;

    private ConnectedSim(CliRun.Setup server, CompletableFuture<CliRun> serving) {
        this.server = server;
        this.serving = serving;
    }

    /** Starts {@code homestak sim} in {@code dir} with {@code profile} and waits until it serves. */
    static ConnectedSim serve(Path dir, String profile) {
        CliRun.Setup server = CliRun.with().workingDir(dir);
        CompletableFuture<CliRun> serving =
                CompletableFuture.supplyAsync(() -> server.run("sim", "--connection-file", FILE, "--profile", profile));
        Path connection = dir.resolve(FILE);
        await().atMost(Duration.ofSeconds(60)).until(() -> server.interrupts().armed() && Files.exists(connection));
        return new ConnectedSim(server, serving);
    }

    @Override
    public void close() throws Exception {
        server.interrupts().fire();
        assertThat(serving.get(30, TimeUnit.SECONDS).exitCode()).isZero();
    }
}
