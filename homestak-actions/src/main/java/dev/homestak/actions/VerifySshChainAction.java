package dev.homestak.actions;

import dev.homestak.actions.internal.Texts;
import dev.homestak.core.Facts;
import dev.homestak.core.Key;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Proves that the inner VM is reachable through the outer one [VerifySSHChainAction]: waits for
 * {@code echo ready} on the host in {@code targetHostKey} (default {@code test_ip}) through the jump
 * host in {@code jumpHostKey} (default {@code inner_ip}), then runs {@code hostname && uname -a}
 * there. Writes {@code test_hostname} (first line) and {@code ssh_output} (all of stdout); message
 * {@code SSH chain verified: <hostname>}. Both facts are required.
 *
 * @param targetHostKey fact holding the inner host
 * @param jumpHostKey   fact holding the jump host
 * @param user          login user on both
 * @param timeout       deadline of the wait (60 s; scenarios pass 300 s)
 * @param interval      pause between probes (5 s)
 */
public record VerifySshChainAction(
        Key<String> targetHostKey, Key<String> jumpHostKey, String user, Duration timeout, Duration interval)
        implements Action<ActionResult> {

    /** Limit of the final {@code hostname && uname -a}. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    /** Validates components. */
    public VerifySshChainAction {
        Objects.requireNonNull(targetHostKey, "targetHostKey");
        Objects.requireNonNull(jumpHostKey, "jumpHostKey");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(interval, "interval");
    }

    /** {@code test_ip} through {@code inner_ip} as root, 60 s, probing every 5 s. */
    public static VerifySshChainAction of() {
        return new VerifySshChainAction(
                Facts.TEST_IP, Facts.INNER_IP, "root", Duration.ofSeconds(60), Duration.ofSeconds(5));
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        Optional<String> target = ctx.lookup(targetHostKey);
        Optional<String> jump = ctx.lookup(jumpHostKey);
        if (target.isEmpty() || jump.isEmpty()) {
            return Either.left(new ActionFailure.Precondition("Missing context: " + targetHostKey.name() + "="
                    + target.orElse("None") + ", " + jumpHostKey.name() + "=" + jump.orElse("None")));
        }
        Instant start = ctx.clock().instant();
        WaitForSshAction wait = new WaitForSshAction(targetHostKey, Optional.of(jumpHostKey), user, timeout, interval);
        return wait.run(ctx)
                .flatMap(ready -> {
                    SshEndpoint inner = ctx.ssh().endpoint(user, target.get());
                    SshEndpoint outer = ctx.ssh().endpoint(user, jump.get());
                    List<SshEndpoint> jumps = new ArrayList<>(ctx.sshJumpsTo(outer));
                    jumps.add(outer);
                    return ctx.ssh(SshRequest.of(inner, "hostname && uname -a", COMMAND_TIMEOUT)
                            .via(jumps));
                })
                .flatMap(r -> r.succeeded()
                        ? Either.right(verified(r))
                        : Either.left(new ActionFailure.ProcessExit(
                                "'hostname && uname -a' on " + target.get(),
                                r.exitCode(),
                                r.stderr().strip())))
                .peek(ok -> ctx.progress("chain verified in "
                        + Texts.duration(Duration.between(start, ctx.clock().instant()))));
    }

    private static ActionResult verified(SshResult r) {
        String output = r.stdout().strip();
        String hostname = output.lines().findFirst().orElse("").strip();
        return ActionResult.of(
                "SSH chain verified: " + hostname,
                Facts.empty().with(Facts.TEST_HOSTNAME, hostname).with(Facts.SSH_OUTPUT, output));
    }

    @Override
    public String describe() {
        return "verify SSH chain " + jumpHostKey.name() + " -> " + targetHostKey.name();
    }
}
