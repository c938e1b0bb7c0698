package dev.homestak.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Key pairs written by the real OpenSSH {@code ssh-keygen} (Debian package {@code openssh-client}), for tests
 * that log in as operators do: {@code ssh-keygen -t TYPE -N PASSPHRASE -f FILE}.
 */
public final class SshKeygen {

    private SshKeygen() {}

    /** Writes {@code file} and {@code file.pub}: a {@code type} key ({@code ed25519}, {@code ecdsa}, {@code rsa}), protected by {@code passphrase} unless empty. */
    public static Path generate(Path file, String type, String passphrase) throws IOException {
        run(
                Map.of(),
                List.of(
                        "ssh-keygen",
                        "-q",
                        "-t",
                        type,
                        "-N",
                        passphrase,
                        "-C",
                        type + "@homestak-test",
                        "-f",
                        file.toString()));
        return file;
    }

    /** Runs an OpenSSH tool to completion (30 s at most) with {@code env} added; its output, or why it failed. */
    static String run(Map<String, String> env, List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output.strip());
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            throw new IOException(String.join(" ", command) + " interrupted", e);
        }
    }
}
