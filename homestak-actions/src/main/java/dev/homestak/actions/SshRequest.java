package dev.homestak.actions;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One command to run over SSH, optionally through a jump host (a forwarded channel, not a nested ssh).
 *
 * @param target  where the command runs
 * @param jump    the host the connection to {@code target} is forwarded through
 * @param command the command line, run by the target's shell
 * @param timeout deadline for connecting and running the command
 * @param input   text written to the command's standard input, which is then closed (e.g. a tfvars file,
 *                kept off the command line); a {@code Secret} so that it never shows
 */
public record SshRequest(
        SshEndpoint target,
        Optional<SshEndpoint> jump,
        String command,
        Duration timeout,
        Optional<dev.homestak.core.Secret> input) {

    /** Validates components. */
    public SshRequest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(jump, "jump");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(input, "input");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** A direct request. */
    public static SshRequest of(SshEndpoint target, String command, Duration timeout) {
        return new SshRequest(target, Optional.empty(), command, timeout, Optional.empty());
    }

    /** The same request, forwarded through {@code jumpHost}. */
    public SshRequest via(SshEndpoint jumpHost) {
        return new SshRequest(target, Optional.of(jumpHost), command, timeout, input);
    }

    /** The same request, with the jump host if there is one. */
    public SshRequest via(Optional<SshEndpoint> jumpHost) {
        return new SshRequest(target, jumpHost, command, timeout, input);
    }

    /** The same request, with {@code text} sent to the command's standard input. */
    public SshRequest withInput(dev.homestak.core.Secret text) {
        return new SshRequest(target, jump, command, timeout, Optional.of(text));
    }

    /** {@code user@target} or {@code user@target via user@jump}, for messages. */
    public String describeTarget() {
        return target + jump.map(j -> " via " + j).orElse("");
    }
}
