package dev.homestak.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * The real OpenSSH tools for the tests (homestak-sim's {@code SshKeygen} and {@code OpenSshAgent}), and reading
 * the public keys they write.
 */
final class OpenSshTools {

    private OpenSshTools() {}

    /** A key pair written by {@code ssh-keygen -t type -N passphrase} to {@code file} and {@code file.pub}. */
    static Path keygen(Path file, String type, String passphrase) throws Exception {
        return dev.homestak.sim.SshKeygen.generate(file, type, passphrase);
    }

    /** The public key of {@code keyFile} ({@code keyFile.pub}), as MINA's authenticator compares it. */
    static PublicKey publicKey(Path keyFile) throws Exception {
        return AuthorizedKeyEntry.parseAuthorizedKeyEntry(publicLine(keyFile))
                .resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
    }

    /** The line of {@code keyFile.pub}. */
    static String publicLine(Path keyFile) throws IOException {
        return Files.readString(keyFile.resolveSibling(keyFile.getFileName() + ".pub"))
                .strip();
    }

    /** Runs a command to completion (30 s at most), asserting exit 0; returns its output. */
    static String run(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS))
                .as(String.join(" ", command) + " finished")
                .isTrue();
        assertThat(process.exitValue())
                .as(String.join(" ", command) + ": " + output)
                .isZero();
        return output;
    }

    /** The real agent of {@code homestak-sim}, under the name these tests use. */
    static final class Agent implements AutoCloseable {
        final Path socket;
        private final dev.homestak.sim.OpenSshAgent agent;

        Agent(Path dir) throws Exception {
            agent = dev.homestak.sim.OpenSshAgent.start(dir);
            socket = agent.socket();
        }

        void add(Path keyFile, String passphrase) throws Exception {
            agent.add(keyFile, passphrase);
        }

        Map<String, String> environment() {
            return agent.environment();
        }

        @Override
        public void close() {
            agent.close();
        }
    }
}
