package dev.homestak.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.core.Facts;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Actions.parallel")
class ParallelTest {

    private final ActionContext ctx = ActionContext.builder().build();

    @Test
    @DisplayName("runs all items at once: each waits for all others to have started, so wall time is one item's")
    void concurrent() {
        int n = 4;
        CountDownLatch started = new CountDownLatch(n);
        List<Action<Integer>> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int id = i;
            items.add(c -> {
                started.countDown();
                try {
                    // run one after another, the first item would wait here in vain
                    return started.await(10, TimeUnit.SECONDS)
                            ? Either.right(id)
                            : Either.left(new ActionFailure.Precondition("item " + id + " ran alone"));
                } catch (InterruptedException e) {
                    return Either.left(new ActionFailure.Cancelled("item", "interrupted"));
                }
            });
        }
        assertThat(Actions.parallel(n, items).run(ctx).get()).containsExactly(0, 1, 2, 3);
    }

    @Test
    @DisplayName("never runs more than maxConcurrency items at once")
    void bounded() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        CyclicBarrier pairs = new CyclicBarrier(2);
        List<Action<String>> items = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            items.add(c -> {
                peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    pairs.await(10, TimeUnit.SECONDS);
                    return Either.right("ok");
                } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                    return Either.left(new ActionFailure.Precondition("no partner: " + e));
                } finally {
                    running.decrementAndGet();
                }
            });
        }
        assertThat(Actions.parallel(2, items).run(ctx).isRight()).isTrue();
        assertThat(peak).hasValue(2);
    }

    @Test
    @DisplayName("the first failure cancels the others and is the result; all threads have ended")
    void firstFailureCancels() {
        CombinatorsTest.Blocking slow = new CombinatorsTest.Blocking();
        Action<String> failing = c -> {
            Await.until(() -> slow.thread.get() != null, Duration.ofSeconds(5));
            return Either.left(new ActionFailure.Precondition("VM 99901 missing"));
        };
        Either<ActionFailure, List<String>> r =
                Actions.parallel(2, List.of(slow, failing)).run(ctx);
        assertThat(r.getLeft().message()).isEqualTo("VM 99901 missing");
        assertThat(slow.sawCancel).isTrue();
        assertThat(slow.thread.get().isAlive()).isFalse();
        assertThat(ctx.cancellation().isCancelled()).isFalse();
    }

    @Test
    @DisplayName("parallelSteps merges the facts of all steps")
    void parallelSteps() {
        Action<ActionResult> a =
                Actions.succeed(ActionResult.of("a", Facts.empty().with(Facts.vmIdKey("a"), 1)));
        Action<ActionResult> b =
                Actions.succeed(ActionResult.of("b", Facts.empty().with(Facts.vmIdKey("b"), 2)));
        ActionResult r = Actions.parallelSteps(2, List.of(a, b)).run(ctx).get();
        assertThat(r.facts().asMap()).containsEntry("a_vm_id", 1).containsEntry("b_vm_id", 2);
        assertThat(r.message()).isEqualTo("a; b");
    }
}
