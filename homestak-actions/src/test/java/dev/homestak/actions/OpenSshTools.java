package dev.homestak.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * The real OpenSSH tools for the tests: {@code ssh-keygen} writing passphrase-protected keys, an {@code ssh-agent}
 * on a socket of the test's own, and {@code ssh-add} answering the passphrase through {@code SSH_ASKPASS}.
 */
final class OpenSshTools {

    private OpenSshTools() {
    }

    /** A key pair written by {@code ssh-keygen -t type -N passphrase} to {@code file} and {@code file.pub}. */
    static Path keygen(Path file, String type, String passphrase) throws Exception {
        run(Map.of(), "ssh-keygen", "-q", "-t", type, "-N", passphrase, "-C", type + "@test", "-f", file.toString());
        return file;
    }

    /** The public key of {@code keyFile} ({@code keyFile.pub}), as MINA's authenticator compares it. */
    static PublicKey publicKey(Path keyFile) throws Exception {
        return AuthorizedKeyEntry.parseAuthorizedKeyEntry(publicLine(keyFile)).resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
    }

    /** The line of {@code keyFile.pub}. */
    static String publicLine(Path keyFile) throws IOException {
        return Files.readString(keyFile.resolveSibling(keyFile.getFileName() + ".pub")).strip();
    }

    /** Runs a command to completion (30 s at most), asserting exit 0; returns its output. */
    static String run(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(String.join(" ", command) + " finished").isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
        return output;
    }

    /** A real {@code ssh-agent} in the foreground on a socket in {@code dir}; closing it stops it. */
    static final class Agent implements AutoCloseable {
        final Path socket;
        private final Process process;
        private final Path askpass;

        Agent(Path dir) throws Exception {
            socket = dir.resolve("agent.sock");
            process = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (!Files.exists(socket)) {
                assertThat(Instant.now()).as("ssh-agent socket appears").isBefore(deadline);
                assertThat(process.isAlive()).as("ssh-agent running").isTrue();
                java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L); // poll the socket until the deadline
            }
            askpass = dir.resolve("askpass.sh");
            Files.writeString(askpass, "#!/bin/sh\nprintf '%s\\n' \"$TEST_PASSPHRASE\"\n");
            Files.setPosixFilePermissions(askpass, PosixFilePermissions.fromString("rwx------"));
        }

        /** {@code ssh-add keyFile}, answering {@code passphrase} through SSH_ASKPASS (no terminal needed). */
        void add(Path keyFile, String passphrase) throws Exception {
            run(Map.of("SSH_AUTH_SOCK", socket.toString(), "SSH_ASKPASS", askpass.toString(), "SSH_ASKPASS_REQUIRE", "force",
                    "DISPLAY", ":0", "TEST_PASSPHRASE", passphrase), "ssh-add", keyFile.toString());
        }

        /** The environment of a process that uses this agent. */
        Map<String, String> environment() {
            return Map.of("SSH_AUTH_SOCK", socket.toString());
        }

        /** The fingerprints {@code ssh-add -l} lists. */
        List<String> listed() throws Exception {
            List<String> lines = new ArrayList<>();
            for (String line : run(environment(), "ssh-add", "-l").split("\n")) {
                lines.add(line.split(" ")[1]);
            }
            return lines;
        }

        @Override
        public void close() {
            process.destroy();
        }
    }
}
