package dev.homestak.actions;

import dev.homestak.actions.internal.Texts;
import dev.homestak.core.Facts;
import dev.homestak.core.Key;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs one command over SSH [SSHCommandAction] on the host in fact {@code hostKey} (default
 * {@code inner_ip}), optionally through the jump host in fact {@code jumpHostKey}. A non-zero exit
 * is a failure with the command's stderr; on success the message is {@code Command completed:
 * <first 100 chars>} and, if {@code outputKey} is set, the trimmed stdout is written to that fact.
 *
 * @param command     the command line
 * @param hostKey     fact holding the target host
 * @param jumpHostKey fact holding the jump host, if any
 * @param user        login user on both hosts (the original's {@code root})
 * @param timeout     limit for connecting and running (60 s)
 * @param outputKey   fact to store stdout in, if any
 */
public record SshCommandAction(
        String command,
        Key<String> hostKey,
        Optional<Key<String>> jumpHostKey,
        String user,
        Duration timeout,
        Optional<Key<String>> outputKey)
        implements Action<ActionResult> {

    /** Validates components. */
    public SshCommandAction {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(hostKey, "hostKey");
        Objects.requireNonNull(jumpHostKey, "jumpHostKey");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(outputKey, "outputKey");
    }

    /** A builder for {@code command} with the original's defaults (inner_ip, root, 60 s). */
    public static Builder builder(String command) {
        return new Builder(command);
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        return SshTargets.endpoint(ctx, user, hostKey)
                .flatMap(target -> SshTargets.jumps(ctx, target, user, jumpHostKey)
                        .flatMap(jumps ->
                                ctx.ssh(SshRequest.of(target, command, timeout).via(jumps)))
                        .flatMap(r -> r.succeeded()
                                ? Either.right(result(r))
                                : Either.left(new ActionFailure.ProcessExit(
                                        "'" + Texts.preview(command, 60) + "' on " + target,
                                        r.exitCode(),
                                        Texts.tail(
                                                r.stderr().isBlank()
                                                        ? r.stdout().lines().toList()
                                                        : r.stderr().lines().toList(),
                                                500)))));
    }

    private ActionResult result(SshResult r) {
        Facts facts =
                outputKey.map(k -> Facts.empty().with(k, r.stdout().strip())).orElse(Facts.empty());
        return ActionResult.of("Command completed: " + Texts.preview(r.stdout(), 100), facts);
    }

    @Override
    public String describe() {
        return "ssh " + Texts.preview(command, 40);
    }

    /** Builds an {@link SshCommandAction}. */
    public static final class Builder {
        private final String command;
        private Key<String> hostKey = Facts.INNER_IP;
        private Optional<Key<String>> jumpHostKey = Optional.empty();
        private String user = "root";
        private Duration timeout = Duration.ofSeconds(60);
        private Optional<Key<String>> outputKey = Optional.empty();

        private Builder(String command) {
            this.command = command;
        }

        /** Fact holding the target host. */
        public Builder host(Key<String> key) {
            this.hostKey = key;
            return this;
        }

        /** Fact holding the jump host. */
        public Builder jumpHost(Key<String> key) {
            this.jumpHostKey = Optional.of(key);
            return this;
        }

        /** Login user. */
        public Builder user(String name) {
            this.user = name;
            return this;
        }

        /** Limit for connecting and running. */
        public Builder timeout(Duration limit) {
            this.timeout = limit;
            return this;
        }

        /** Fact to store the trimmed stdout in. */
        public Builder outputTo(Key<String> fact) {
            this.outputKey = Optional.of(java.util.Objects.requireNonNull(fact, "fact"));
            return this;
        }

        /** The action. */
        public SshCommandAction build() {
            return new SshCommandAction(command, hostKey, jumpHostKey, user, timeout, outputKey);
        }
    }
}
