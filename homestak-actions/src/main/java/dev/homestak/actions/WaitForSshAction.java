package dev.homestak.actions;

import dev.homestak.core.Key;
import dev.homestak.core.RetryPolicy;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Waits until the host in fact {@code hostKey} answers over SSH [WaitForSSHAction]: while its port refuses
 * connections, checks it again every 50 ms with a TCP connect (without a jump host); once it accepts, probes
 * {@code echo ready} (each probe limited to 5 s and to the time left) until {@code timeout},
 * optionally through jump hosts (the context's {@link SshRoute}, or the host in {@code jumpHostKey} and the route to it), pausing 50 ms between probes, doubling up to {@code interval}
 * (250 ms by default, so SSH is noticed at most a quarter second late; the original slept 5 s). Succeeds with {@code SSH available on <host>};
 * fails with {@code Timeout waiting for SSH on <host>} and the last problem, or at once when the host
 * key is rejected (that does not heal by waiting). Reads no other facts, writes none. The original's
 * ping pre-phase is left out: ICMP needs privileges the JVM does not have, and the SSH probe says more.
 *
 * @param hostKey     fact holding the host
 * @param jumpHostKey fact holding the jump host, if any
 * @param user        login user
 * @param timeout     overall deadline (60 s)
 * @param interval    longest pause between probes (250 ms)
 */
public record WaitForSshAction(
        Key<String> hostKey, Optional<Key<String>> jumpHostKey, String user, Duration timeout, Duration interval)
        implements Action<ActionResult> {

    /** How often a closed SSH port is checked again (a TCP connect, not a login; no jump host). */
    static final Duration PORT_CHECK_INTERVAL = Duration.ofMillis(50);

    /** A closed port is reported as progress on the first check and then every 20th (once a second). */
    private static final int PORT_CHECKS_PER_REPORT = 20;

    /** The limit of one probe, as the original's {@code run_ssh(..., timeout=5)}. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    /** Validates components. */
    public WaitForSshAction {
        Objects.requireNonNull(hostKey, "hostKey");
        Objects.requireNonNull(jumpHostKey, "jumpHostKey");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(interval, "interval");
    }

    /** Waits for the host in {@code hostKey} as root, 60 s, probing at most every 250 ms. */
    public static WaitForSshAction of(Key<String> hostKey) {
        return new WaitForSshAction(hostKey, Optional.empty(), "root", Duration.ofSeconds(60), AgentIp.WAIT_CAP);
    }

    /** A copy with another deadline. */
    public WaitForSshAction withTimeout(Duration limit) {
        return new WaitForSshAction(hostKey, jumpHostKey, user, limit, interval);
    }

    /** A copy with another user. */
    public WaitForSshAction withUser(String name) {
        return new WaitForSshAction(hostKey, jumpHostKey, name, timeout, interval);
    }

    /** A copy with another longest pause between probes. */
    public WaitForSshAction withInterval(Duration pause) {
        return new WaitForSshAction(hostKey, jumpHostKey, user, timeout, pause);
    }

    /** A copy that probes through the jump host in fact {@code key}. */
    public WaitForSshAction via(Key<String> key) {
        return new WaitForSshAction(hostKey, Optional.of(key), user, timeout, interval);
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        return SshTargets.endpoint(ctx, user, hostKey)
                .flatMap(target ->
                        SshTargets.jumps(ctx, target, user, jumpHostKey).flatMap(jumps -> poll(ctx, target, jumps)));
    }

    private Either<ActionFailure, ActionResult> poll(ActionContext ctx, SshEndpoint target, List<SshEndpoint> jumps) {
        Instant deadline = ctx.clock().instant().plus(timeout);
        String last = "no attempt";
        RetryPolicy logins = RetryPolicy.polling(interval);
        int failedLogins = 0;
        for (int attempt = 1; ; attempt++) {
            Duration left = Duration.between(ctx.clock().instant(), deadline);
            if (!left.isPositive()) {
                return Either.left(new ActionFailure.Timeout("waiting for SSH on " + target.host(), timeout, last));
            }
            Duration probe = left.compareTo(PROBE_TIMEOUT) < 0 ? left : PROBE_TIMEOUT;
            boolean report;
            Duration pause;
            if (jumps.isEmpty() && !ctx.ssh().accepting(target, probe)) {
                // the port is closed: check again soon, at the cost of a TCP connect rather than an SSH login
                last = new ActionFailure.Ssh(target.toString(), ActionFailure.Ssh.Reason.UNREACHABLE, "port closed")
                        .message();
                report = attempt % PORT_CHECKS_PER_REPORT == 1;
                pause = PORT_CHECK_INTERVAL;
            } else {
                Either<ActionFailure, SshResult> r =
                        ctx.ssh(SshRequest.of(target, "echo ready", probe).via(jumps));
                if (r.isRight() && r.get().succeeded() && r.get().stdout().contains("ready")) {
                    return Either.right(ActionResult.of("SSH available on " + target.host()));
                }
                if (r.isLeft() && stopsWaiting(r.getLeft())) {
                    return Either.left(r.getLeft());
                }
                last = r.fold(ActionFailure::message, ok -> "'echo ready' exited " + ok.exitCode());
                report = true;
                pause = AgentIp.shorter(logins.delayAfter(++failedLogins), left);
            }
            if (report) {
                ctx.progress("SSH not ready on " + target.host() + " (attempt " + attempt + "): " + last);
            }
            Duration remaining = Duration.between(ctx.clock().instant(), deadline);
            if (!ctx.pause(AgentIp.shorter(pause, remaining))) {
                return Either.left(new ActionFailure.Cancelled(
                        "waiting for SSH on " + target.host(),
                        ctx.cancellation().reason().orElse("")));
            }
        }
    }

    private static boolean stopsWaiting(ActionFailure failure) {
        return failure instanceof ActionFailure.Cancelled
                || failure instanceof ActionFailure.Precondition
                || failure instanceof ActionFailure.Ssh ssh && ssh.permanent();
    }

    @Override
    public String describe() {
        return "wait for SSH on " + hostKey.name();
    }
}
