package dev.homestak.actions;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One command to run over SSH, optionally through jump hosts (forwarded channels, not nested ssh; as {@code ssh -J
 * a,b,c}).
 *
 * @param target  where the command runs
 * @param jumps   the hosts the connection to {@code target} is forwarded through, first to last (a node at depth k of
 *                a manifest is reached through its k−1 {@code pve} ancestors)
 * @param command the command line, run by the target's shell
 * @param timeout deadline for connecting and running the command
 * @param input   text written to the command's standard input, which is then closed (e.g. a tfvars file,
 *                kept off the command line); a {@code Secret} so that it never shows
 */
public record SshRequest(
        SshEndpoint target,
        List<SshEndpoint> jumps,
        String command,
        Duration timeout,
        Optional<dev.homestak.core.Secret> input) {

    /** Validates components. */
    public SshRequest {
        Objects.requireNonNull(target, "target");
        jumps = List.copyOf(jumps);
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(input, "input");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** A direct request. */
    public static SshRequest of(SshEndpoint target, String command, Duration timeout) {
        return new SshRequest(target, List.of(), command, timeout, Optional.empty());
    }

    /** The same request, forwarded through {@code jumpHost} only. */
    public SshRequest via(SshEndpoint jumpHost) {
        return via(List.of(jumpHost));
    }

    /** The same request, forwarded through {@code chain} (first to last; empty: direct). */
    public SshRequest via(List<SshEndpoint> chain) {
        return new SshRequest(target, chain, command, timeout, input);
    }

    /** The same request, with {@code text} sent to the command's standard input. */
    public SshRequest withInput(dev.homestak.core.Secret text) {
        return new SshRequest(target, jumps, command, timeout, Optional.of(text));
    }

    /** The first host connected to: the first jump host, else the target. */
    public SshEndpoint firstHop() {
        return jumps.isEmpty() ? target : jumps.get(0);
    }

    /** {@code user@target} or {@code user@target via user@a › user@b}, for messages. */
    public String describeTarget() {
        return target
                + (jumps.isEmpty()
                        ? ""
                        : jumps.stream().map(SshEndpoint::toString).collect(Collectors.joining(" › ", " via ", "")));
    }
}
