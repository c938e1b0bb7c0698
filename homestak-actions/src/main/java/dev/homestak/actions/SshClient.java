package dev.homestak.actions;

import dev.homestak.actions.internal.SshjClient;
import io.vavr.control.Either;
import java.time.Duration;

/**
 * Port for running commands over SSH. One instance belongs to one run: the host keys it accepts on
 * first use are remembered for the rest of the run, and a host that later shows a different key is
 * refused.
 */
public interface SshClient {

    /** The sshj-backed client: key authentication, forwarded jump hosts, run-scoped known hosts. */
    static SshClient create(SshSettings settings) {
        return new SshjClient(settings);
    }

    /**
     * Sets up the SSH library's algorithms now (class loading and cipher lookups, some tens of milliseconds),
     * so that a run's first connection does not wait for it: a program can call it on a background thread
     * before it starts a run. Optional; only the first call does anything.
     */
    static void preload() {
        SshjClient.preload();
    }

    /**
     * Connects (through the jump host if any), runs the command and returns its exit status and output.
     * A command that ran, with any exit status, is a result; connection, authentication, host-key,
     * deadline and cancellation problems are failures. Never throws for I/O.
     */
    Either<ActionFailure, SshResult> exec(SshRequest request, CancellationToken cancel);

    /**
     * Whether {@code target} accepts a TCP connection now: a check of a few milliseconds that a waiter can make
     * far more often than a full SSH login. True when this client cannot tell (a login then decides).
     */
    default boolean accepting(SshEndpoint target, Duration timeout) {
        return true;
    }

    /**
     * Opens a local port forwarded to {@code host:port} as seen from the last endpoint of {@code chain}: the first
     * endpoint is connected directly, each next one through a {@code direct-tcpip} channel of the previous (jump
     * hosts), and the last one forwards. Failures are those of {@link #exec} (unreachable, host key, auth).
     */
    default Either<ActionFailure, PortForward> forward(java.util.List<SshEndpoint> chain, String host, int port) {
        return Either.left(new ActionFailure.Precondition("this SSH client cannot forward ports"));
    }

    /** Where to log in to {@code host} as {@code user}: port 22 unless this client is configured otherwise. */
    default SshEndpoint endpoint(String user, String host) {
        return SshEndpoint.of(user, host);
    }
}
