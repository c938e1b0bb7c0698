package dev.homestak.scenarios.builtin;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionResult;
import dev.homestak.actions.SshRequest;
import dev.homestak.actions.SshResult;
import dev.homestak.core.Facts;
import dev.homestak.core.Key;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.List;

/**
 * The bootstrap-install actions of the original ({@code scenarios/bootstrap.py}): run the installer, check
 * {@code homestak status}, check the created user. All run over SSH as root on {@code vm_ip}.
 */
final class BootstrapActions {

    /** The original's installer URL. */
    static final String INSTALLER = "https://raw.githubusercontent.com/homestak-dev/bootstrap/master/install.sh";

    static final Key<String> BRANCH = Key.string("bootstrap_branch");
    static final Key<String> STATUS = Key.string("homestak_status");
    private static final List<String> MODULES = List.of("ansible", "iac-driver", "tofu");

    private BootstrapActions() {}

    /** [RunBootstrapAction] {@code curl -fsSL <installer> | [HOMESTAK_BRANCH=b] [HOMESTAK_USER=u] bash}, 600 s. */
    static Action<ActionResult> run() {
        return named("run bootstrap", ctx -> {
            String env =
                    ctx.lookup(BRANCH).map(b -> "HOMESTAK_BRANCH=" + b + " ").orElse("")
                            + ctx.lookup(Facts.HOMESTAK_USER)
                                    .map(u -> "HOMESTAK_USER=" + u + " ")
                                    .orElse("");
            return ssh(ctx, "curl -fsSL " + INSTALLER + " | " + env + "bash", Duration.ofSeconds(600))
                    .map(r -> ActionResult.of(
                            "Bootstrap completed on " + ctx.lookup(Facts.VM_IP).orElse(""),
                            ctx.lookup(Facts.HOMESTAK_USER)
                                    .map(u -> Facts.empty().with(Facts.HOMESTAK_USER, u))
                                    .orElse(Facts.empty())));
        });
    }

    /** [VerifyInstallAction] {@code homestak status} lists ansible, iac-driver and tofu as installed. */
    static Action<ActionResult> verifyInstall() {
        return named(
                "verify install",
                ctx -> ssh(ctx, "homestak status", Duration.ofSeconds(30)).flatMap(r -> {
                    for (String module : MODULES) {
                        boolean ok =
                                r.stdout().lines().anyMatch(l -> l.contains(module) && !l.contains("(not installed)"));
                        if (!ok) {
                            return Either.left(new ActionFailure.Precondition(
                                    "homestak status: module " + module + " is not installed"));
                        }
                    }
                    if (r.stdout().contains("Tools:")
                            && r.stdout().contains("ansible")
                            && r.stdout().contains("not installed")) {
                        ctx.progress("warning: homestak status reports a tool as not installed");
                    }
                    return Either.right(ActionResult.of(
                            "homestak installation verified",
                            Facts.empty().with(STATUS, r.stdout().strip())));
                }));
    }

    /** [VerifyUserAction] skipped without {@code homestak_user}; else {@code id <u>} and a NOPASSWD sudoers rule. */
    static Action<ActionResult> verifyUser() {
        return named("verify user", ctx -> {
            var user = ctx.lookup(Facts.HOMESTAK_USER);
            if (user.isEmpty()) {
                return Either.right(ActionResult.of("No homestak_user set; skipped"));
            }
            String u = user.get();
            return ssh(ctx, "id " + u, Duration.ofSeconds(30))
                    .flatMap(id -> ssh(
                            ctx,
                            "grep -r " + u + " /etc/sudoers.d/ 2>/dev/null | grep NOPASSWD",
                            Duration.ofSeconds(30)))
                    .map(sudo -> ActionResult.of("User " + u + " exists with passwordless sudo"));
        });
    }

    private static Either<ActionFailure, SshResult> ssh(ActionContext ctx, String command, Duration limit) {
        return ctx.require(Facts.VM_IP)
                .flatMap(host -> ctx.ssh(SshRequest.of(ctx.ssh().endpoint("root", host), command, limit))
                        .flatMap(r -> r.succeeded()
                                ? Either.right(r)
                                : Either.left(new ActionFailure.ProcessExit(
                                        "'" + command + "' on " + host,
                                        r.exitCode(),
                                        (r.stderr().isBlank() ? r.stdout() : r.stderr()).strip()))));
    }

    private static Action<ActionResult> named(String name, Action<ActionResult> body) {
        return body.named(name);
    }
}
