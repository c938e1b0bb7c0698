package dev.homestak.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.core.Facts;
import dev.homestak.core.Key;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Action combinators")
class CombinatorsTest {

    private static final Key<String> GREETING = Key.string("greeting");
    private final RecordingSink sink = new RecordingSink();
    private final ActionContext ctx = ActionContext.builder().events(sink).build();

    /** Blocks until its token is cancelled; remembers its thread and whether it saw the cancel. */
    static final class Blocking implements Action<String> {
        final AtomicReference<Thread> thread = new AtomicReference<>();
        final AtomicBoolean sawCancel = new AtomicBoolean();

        @Override
        public Either<ActionFailure, String> run(ActionContext c) {
            thread.set(Thread.currentThread());
            boolean slept = c.pause(Duration.ofHours(1));
            sawCancel.set(!slept);
            return Either.left(new ActionFailure.Cancelled(
                    "blocking", c.cancellation().reason().orElse("")));
        }

        @Override
        public String describe() {
            return "blocking step";
        }
    }

    @Nested
    @DisplayName("sequencing")
    class Sequencing {

        @Test
        @DisplayName("map transforms the value; a failure passes through untouched")
        void map() {
            assertThat(Actions.succeed(20).map(n -> n + 1).run(ctx).get()).isEqualTo(21);
            ActionFailure boom = new ActionFailure.Precondition("boom");
            assertThat(Actions.<Integer>fail(boom).map(n -> n + 1).run(ctx).getLeft())
                    .isSameAs(boom);
        }

        @Test
        @DisplayName("andThen runs the next step with the facts of the previous one")
        void andThenSeesFacts() {
            Action<ActionResult> first =
                    Actions.succeed(ActionResult.of("one", Facts.empty().with(GREETING, "hi")));
            Action<String> second = c -> Either.right(c.lookup(GREETING).orElse("none"));
            assertThat(first.andThen(second).run(ctx).get()).isEqualTo("hi");
        }

        @Test
        @DisplayName("flatMap chooses the next action from the value; a first failure stops the chain")
        void flatMap() {
            AtomicBoolean ran = new AtomicBoolean();
            Action<String> chained = Actions.succeed(3).flatMap(n -> Actions.succeed("x".repeat(n)));
            assertThat(chained.run(ctx).get()).isEqualTo("xxx");
            Action<String> stopped = Actions.<Integer>fail(new ActionFailure.Precondition("no"))
                    .flatMap(n -> c -> {
                        ran.set(true);
                        return Either.right("ran");
                    });
            assertThat(stopped.run(ctx).getLeft().message()).isEqualTo("no");
            assertThat(ran).isFalse();
        }

        @Test
        @DisplayName("recover turns a failure into a value")
        void recover() {
            Action<String> gone = Actions.<String>fail(new ActionFailure.Precondition("VM 99900 does not exist"))
                    .recover(f -> Either.right("already gone: " + f.message()));
            assertThat(gone.run(ctx).get()).isEqualTo("already gone: VM 99900 does not exist");
        }

        @Test
        @DisplayName("sequence merges the facts and messages of its steps in order")
        void sequence() {
            Action<ActionResult> a =
                    Actions.succeed(ActionResult.of("a", Facts.empty().with(GREETING, "hi")));
            Action<ActionResult> b = c ->
                    Either.right(ActionResult.of("b saw " + c.lookup(GREETING).orElseThrow()));
            ActionResult r = Actions.sequence(List.of(a, b)).run(ctx).get();
            assertThat(r.message()).isEqualTo("a; b saw hi");
            assertThat(r.facts().get(GREETING)).contains("hi");
        }

        @Test
        @DisplayName("named describes the action and scopes its events")
        void named() {
            Action<String> step = c -> {
                c.progress("working");
                return Either.right("ok");
            };
            Action<String> named = step.named("provision");
            assertThat(named.describe()).isEqualTo("provision");
            named.named("outer").run(ctx);
            assertThat(sink.events()).containsExactly(new ActionEvent.Progress("outer/provision", "working"));
        }
    }

    @Nested
    @DisplayName("timeout")
    class Timeouts {

        @Test
        @DisplayName("cancels the work at the limit and returns only after its thread has ended")
        void cancelsAndLeavesNoThread() {
            Blocking blocking = new Blocking();
            long start = System.nanoTime();
            Either<ActionFailure, String> r =
                    blocking.timeout(Duration.ofMillis(100)).run(ctx);
            assertThat(r.getLeft()).isInstanceOf(ActionFailure.Timeout.class);
            assertThat(r.getLeft().message()).isEqualTo("Timeout blocking step after 100ms");
            assertThat(blocking.sawCancel).isTrue();
            assertThat(blocking.thread.get().isAlive()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }

        @Test
        @DisplayName("does not touch a result that arrives in time, nor the run's own token")
        void fastActionUntouched() {
            assertThat(Actions.succeed("done")
                            .timeout(Duration.ofSeconds(5))
                            .run(ctx)
                            .get())
                    .isEqualTo("done");
            assertThat(ctx.cancellation().isCancelled()).isFalse();
        }

        @Test
        @DisplayName("a cancelled run stops the work inside a timeout too")
        void runCancellationReachesInside() {
            Blocking blocking = new Blocking();
            CancellationToken run = CancellationToken.create();
            Thread.ofVirtual().start(() -> {
                Await.until(() -> blocking.thread.get() != null, Duration.ofSeconds(5));
                run.cancel("user pressed Ctrl-C");
            });
            Either<ActionFailure, String> r =
                    blocking.timeout(Duration.ofMinutes(5)).run(ctx.withCancellation(run));
            assertThat(r.getLeft()).isInstanceOf(ActionFailure.Cancelled.class);
            assertThat(r.getLeft().message()).contains("user pressed Ctrl-C");
        }
    }
}
