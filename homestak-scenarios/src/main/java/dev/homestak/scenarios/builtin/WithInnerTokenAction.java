package dev.homestak.scenarios.builtin;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionKeys;
import dev.homestak.actions.ActionResult;
import dev.homestak.core.Facts;
import dev.homestak.scenarios.Prechecked;
import io.vavr.control.Either;
import java.util.List;
import java.util.Objects;

/**
 * The best-effort cleanup inside the nested PVE ({@code cleanup_remote}) for a run that has its {@code inner_ip} but
 * not its API token: a destructor run after its constructor (a token is never written to a context file) mints one
 * over SSH first, then reaches the nested API through its own forward. A nested PVE that cannot be reached or gives no
 * token is nothing left to clean, as for {@code cleanup} itself.
 *
 * @param cleanup the cleanup on the nested PVE
 * @param mint    the token creation ({@code CreateApiTokenAction} into {@code inner_api_token})
 */
record WithInnerTokenAction(DestroyEnvAction cleanup, Action<ActionResult> mint)
        implements Action<ActionResult>, Prechecked {

    WithInnerTokenAction {
        Objects.requireNonNull(cleanup, "cleanup");
        Objects.requireNonNull(mint, "mint");
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        if (ctx.lookup(ActionKeys.INNER_API_TOKEN).isPresent()
                || ctx.lookup(Facts.INNER_IP).isEmpty()) {
            return cleanup.run(ctx);
        }
        Either<ActionFailure, ActionResult> minted = mint.run(ctx);
        if (minted.isLeft()) {
            return minted.getLeft() instanceof ActionFailure.Cancelled
                    ? minted
                    : Either.right(ActionResult.of("Nothing to clean up on the nested PVE ("
                            + minted.getLeft().message() + ")"));
        }
        // the token stays in this phase: it is not a fact of the run
        return cleanup.run(ctx.withFacts(ctx.facts().merge(minted.get().facts())))
                .map(done -> ActionResult.of(minted.get().message() + "; " + done.message(), done.facts()));
    }

    @Override
    public Either<ActionFailure, List<String>> precheck(ActionContext ctx) {
        return cleanup.precheck(ctx);
    }

    @Override
    public String describe() {
        return cleanup.describe() + " (an API token minted over SSH first when the run has none)";
    }
}
