package dev.homestak.actions;

import dev.homestak.actions.internal.TfvarsFile;
import dev.homestak.actions.internal.TofuJsonStream;
import dev.homestak.core.Key;
import dev.homestak.core.Secret;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.Map;

/**
 * What the remote OpenTofu actions share: one SSH call to the nested PVE running a script with the
 * original's layout ({@code TF_DATA_DIR=<state>/data}, {@code -state=<state>/terraform.tfstate},
 * {@code <state> = <stateRoot>/<env>-<node>}). The tfvars (with the token) travel on the command's
 * standard input into a private {@code mktemp} file removed on exit, never on the command line.
 * Tofu's {@code -json} lines become progress, its diagnostics the failure.
 */
final class TofuRemote {

    /** Printed by the destroy script when there is no state: nothing to destroy. */
    static final String NO_STATE = "HOMESTAK_NO_STATE";

    private TofuRemote() {}

    /** The script: {@code verb} is {@code apply} (after {@code init}) or {@code destroy}. */
    static String script(String verb, String tofu, String tofuDir, String stateRoot, String env, String node) {
        String state = stateRoot + "/" + env + "-" + node;
        StringBuilder s = new StringBuilder("set -e\numask 077\n")
                .append("state='")
                .append(state)
                .append("'\n");
        if (verb.equals("destroy")) {
            s.append("if [ ! -f \"$state/terraform.tfstate\" ]; then echo ")
                    .append(NO_STATE)
                    .append("; exit 0; fi\n");
        }
        s.append("tfvars=$(mktemp /tmp/tfvars-")
                .append(env)
                .append('-')
                .append(node)
                .append("-XXXXXX)\n")
                .append("trap 'rm -f \"$tfvars\"' EXIT\n")
                .append("cat > \"$tfvars\"\n")
                .append("cd '")
                .append(tofuDir)
                .append("'\n")
                .append("mkdir -p \"$state/data\"\n")
                .append("export TF_DATA_DIR=\"$state/data\"\n");
        if (verb.equals("apply")) {
            s.append(tofu).append(" init >&2\n");
        }
        return s.append(tofu)
                .append(' ')
                .append(verb)
                .append(" -auto-approve -json -state=\"$state/terraform.tfstate\"")
                .append(" -var-file=\"$tfvars\"\n")
                .toString();
    }

    /** Runs the script over SSH on the host in {@code hostKey} as root, with the tfvars on stdin. */
    static Either<ActionFailure, SshResult> run(
            ActionContext ctx,
            Key<String> hostKey,
            String verb,
            String script,
            Map<String, Object> tfvars,
            Duration timeout) {
        String json = TfvarsFile.inline(tfvars);
        TofuJsonStream stream = new TofuJsonStream(ctx::progress);
        return SshTargets.endpoint(ctx, "root", hostKey)
                .flatMap(target -> ctx.ssh(
                                SshRequest.of(target, script, timeout).withInput(Secret.of(json)))
                        .flatMap(r -> {
                            r.stdout().lines().forEach(line -> stream.line(StreamKind.STDOUT, line));
                            r.stderr().lines().forEach(line -> ctx.output(StreamKind.STDERR, line));
                            if (r.succeeded()) {
                                return Either.right(r);
                            }
                            String detail = stream.failureDetail();
                            return Either.left(new ActionFailure.ProcessExit(
                                    "tofu " + verb + " on " + target,
                                    r.exitCode(),
                                    detail.isEmpty()
                                            ? TofuJsonStream.boxless(
                                                    r.stderr().lines().toList())
                                            : detail));
                        }));
    }
}
