package dev.homestak.actions;

import java.util.Objects;

/**
 * How a command run over SSH ended.
 *
 * @param exitCode the remote exit status (-1 when the command was killed by a signal)
 * @param stdout   everything it printed on standard output
 * @param stderr   everything it printed on standard error
 */
public record SshResult(int exitCode, String stdout, String stderr) {

    /** Validates components. */
    public SshResult {
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
    }

    /** True when the exit status is 0. */
    public boolean succeeded() {
        return exitCode == 0;
    }
}
