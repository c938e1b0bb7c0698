package dev.homestak.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * A real OpenSSH {@code ssh-agent} for tests, in the foreground on a socket of the test's own directory (never the
 * user's agent); {@link #add} loads a key with the real {@code ssh-add}, answering its passphrase through
 * {@code SSH_ASKPASS}, so no terminal is needed. Closing it stops the agent.
 */
public final class OpenSshAgent implements AutoCloseable {

    private final Path socket;
    private final Path askpass;
    private final Process process;

    private OpenSshAgent(Path socket, Path askpass, Process process) {
        this.socket = socket;
        this.askpass = askpass;
        this.process = process;
    }

    /** Starts {@code ssh-agent -D -a dir/agent.sock} and waits (10 s at most) until its socket exists. */
    public static OpenSshAgent start(Path dir) throws IOException {
        Path socket = dir.resolve("agent.sock");
        Process process = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!Files.exists(socket)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                process.destroy();
                throw new IOException("ssh-agent did not create " + socket);
            }
            LockSupport.parkNanos(10_000_000L); // polls the socket until the deadline
        }
        Path askpass = Files.writeString(
                dir.resolve("agent-askpass.sh"), "#!/bin/sh\nprintf '%s\\n' \"$HOMESTAK_TEST_PASSPHRASE\"\n");
        Files.setPosixFilePermissions(askpass, PosixFilePermissions.fromString("rwx------"));
        return new OpenSshAgent(socket, askpass, process);
    }

    /** The agent's socket: the value of {@code SSH_AUTH_SOCK}. */
    public Path socket() {
        return socket;
    }

    /** {@code SSH_AUTH_SOCK} for a process or an SSH client that should use this agent. */
    public Map<String, String> environment() {
        return Map.of("SSH_AUTH_SOCK", socket.toString());
    }

    /** {@code ssh-add keyFile}, with {@code passphrase} given through {@code SSH_ASKPASS} ({@code ""} for none). */
    public void add(Path keyFile, String passphrase) throws IOException {
        SshKeygen.run(
                Map.of(
                        "SSH_AUTH_SOCK",
                        socket.toString(),
                        "SSH_ASKPASS",
                        askpass.toString(),
                        "SSH_ASKPASS_REQUIRE",
                        "force",
                        "DISPLAY",
                        ":0",
                        "HOMESTAK_TEST_PASSPHRASE",
                        passphrase),
                List.of("ssh-add", keyFile.toString()));
    }

    /** Stops the agent. */
    @Override
    public void close() {
        process.destroy();
    }
}
