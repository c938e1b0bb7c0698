package dev.homestak.actions;

import io.vavr.control.Either;
import java.time.Duration;
import java.util.Objects;

/**
 * Destroys an env's VMs with OpenTofu on the nested PVE [TofuDestroyRemoteAction]: the same SSH
 * script as {@link TofuApplyRemoteAction} running {@code tofu destroy -auto-approve -json ...} (no
 * init). Without a state file on the host it succeeds with
 * {@code No state file found for <env>-<node> on <host>, nothing to destroy}. Writes no facts.
 *
 * @param apply   the apply whose env, node, host, tfvars and paths it undoes
 * @param timeout limit (300 s)
 */
public record TofuDestroyRemoteAction(TofuApplyRemoteAction apply, Duration timeout) implements Action<ActionResult> {

    /** Validates components. */
    public TofuDestroyRemoteAction {
        Objects.requireNonNull(apply, "apply");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** Undoes {@code apply}, 300 s. */
    public static TofuDestroyRemoteAction of(TofuApplyRemoteAction apply) {
        return new TofuDestroyRemoteAction(apply, Duration.ofSeconds(300));
    }

    /** The script sent over SSH. */
    String script() {
        return TofuRemote.script(
                "destroy", apply.tofu(), apply.tofuDir(), apply.stateRoot(), apply.env(), apply.node());
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        String what = apply.env() + "-" + apply.node();
        return TofuRemote.run(
                        ctx,
                        apply.hostKey(),
                        "destroy",
                        script(),
                        Tofu.withOverrides(apply.tfvars(), ctx.run().vmIdOverrides()),
                        timeout)
                .map(r -> r.stdout().contains(TofuRemote.NO_STATE)
                        ? ActionResult.of("No state file found for " + what + " on "
                                + ctx.lookup(apply.hostKey()).orElse("?") + ", nothing to destroy")
                        : ActionResult.of(
                                "Tofu destroy completed for " + apply.env() + " on " + apply.node() + " (remote)"));
    }

    @Override
    public String describe() {
        return "tofu destroy " + apply.env() + " on " + apply.node() + " (remote)";
    }
}
