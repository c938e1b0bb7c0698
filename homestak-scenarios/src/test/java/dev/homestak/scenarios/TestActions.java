package dev.homestak.scenarios;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionResult;
import dev.homestak.actions.StreamKind;
import dev.homestak.core.Facts;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** Small actions for runner tests: they record what ran, pass, fail, or block until cancelled. */
final class TestActions {

    /** Names of the phases whose actions ran, in order. */
    final List<String> ran = new CopyOnWriteArrayList<>();
    /** Counted down when a blocking action has started. */
    final CountDownLatch blocking = new CountDownLatch(1);

    Action<ActionResult> pass(String name) {
        return pass(name, Facts.empty());
    }

    Action<ActionResult> pass(String name, Facts facts) {
        return ctx -> {
            ran.add(name);
            return Either.right(ActionResult.of(name + " done", facts));
        };
    }

    Action<ActionResult> fail(String name, String message) {
        return ctx -> {
            ran.add(name);
            return Either.left(new ActionFailure.Precondition(message));
        };
    }

    /** Reports a progress line and a stderr line, as a tool-running action does. */
    Action<ActionResult> chatty(String name) {
        return ctx -> {
            ran.add(name);
            ctx.progress("working on " + name);
            ctx.output(StreamKind.STDERR, "\u001b[33mwarning\u001b[0m from tool");
            return Either.right(ActionResult.of(name + " done"));
        };
    }

    /** Blocks until its cancellation token fires (a cooperative poll), then reports the cancellation. */
    Action<ActionResult> blockUntilCancelled(String name) {
        return ctx -> {
            ran.add(name);
            blocking.countDown();
            ctx.cancellation().await(Duration.ofMinutes(5));
            return Either.left(new ActionFailure.Cancelled(
                    name, ctx.cancellation().reason().orElse("?")));
        };
    }

    /** Ignores its token entirely and blocks until interrupted (a badly behaved action). */
    Action<ActionResult> ignoreCancel(String name) {
        return ctx -> {
            ran.add(name);
            blocking.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Either.left(new ActionFailure.Cancelled(name, "interrupted"));
        };
    }

    /** Reads a fact and puts its value into the message (to observe what a phase saw). */
    Action<ActionResult> echoFact(String name, String fact) {
        return ctx -> {
            ran.add(name);
            return Either.right(ActionResult.of(fact + "="
                    + java.util.Optional.ofNullable(ctx.facts().asMap().get(fact))
                            .map(Object::toString)
                            .orElse("-")));
        };
    }
}
