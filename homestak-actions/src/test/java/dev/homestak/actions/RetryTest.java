package dev.homestak.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.core.ManualClock;
import dev.homestak.core.RetryPolicy;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("retry")
class RetryTest {

    private final ManualClock clock = ManualClock.at(Instant.parse("2026-01-03T10:00:00Z"));
    private final ActionContext ctx =
            ActionContext.builder().clock(clock).sleeper(clock).build();
    private final AtomicInteger attempts = new AtomicInteger();

    private Action<String> failingTimes(int failures, ActionFailure failure) {
        return c -> attempts.incrementAndGet() <= failures ? Either.left(failure) : Either.right("ok");
    }

    private static final ActionFailure FLAKY =
            new ActionFailure.Ssh("root@10.0.12.5", ActionFailure.Ssh.Reason.UNREACHABLE, "refused");

    @Nested
    @DisplayName("with a manual clock")
    class ManualTime {

        @Test
        @DisplayName("succeeds once an attempt succeeds, after exponential waits")
        void succeedsEventually() {
            RetryPolicy policy = RetryPolicy.builder()
                    .maxAttempts(5)
                    .backoff(Duration.ofSeconds(1), Duration.ofSeconds(30))
                    .jitter(0)
                    .build();
            assertThat(failingTimes(2, FLAKY).retry(policy).run(ctx).get()).isEqualTo("ok");
            assertThat(attempts).hasValue(3);
            assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        }

        @Test
        @DisplayName("stops at its deadline: no wait reaches past it, and the failure says so")
        void stopsAtDeadline() {
            RetryPolicy policy = RetryPolicy.builder()
                    .maxAttempts(100)
                    .backoff(Duration.ofSeconds(1), Duration.ofSeconds(4))
                    .jitter(0)
                    .deadline(Duration.ofSeconds(10))
                    .build();
            var start = clock.instant();
            Either<ActionFailure, String> r =
                    failingTimes(Integer.MAX_VALUE, FLAKY).retry(policy).run(ctx);
            assertThat(r.getLeft()).isInstanceOf(ActionFailure.Timeout.class);
            assertThat(r.getLeft().message())
                    .startsWith("Timeout retrying")
                    .contains("after 10s")
                    .contains("4 attempts")
                    .contains("refused");
            // waits 1, 2, 4 (capped): 7 s; another 4 s wait would cross the 10 s deadline
            assertThat(clock.sleeps())
                    .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
            assertThat(Duration.between(start, clock.instant())).isLessThanOrEqualTo(Duration.ofSeconds(10));
        }

        @Test
        @DisplayName("gives the last failure after maxAttempts")
        void maxAttempts() {
            RetryPolicy policy = RetryPolicy.builder().maxAttempts(3).jitter(0).build();
            assertThat(failingTimes(10, FLAKY).retry(policy).run(ctx).getLeft()).isSameAs(FLAKY);
            assertThat(attempts).hasValue(3);
        }

        @Test
        @DisplayName("does not retry failures that cannot heal (bad input, rejected host key)")
        void permanentFailures() {
            RetryPolicy policy = RetryPolicy.builder().maxAttempts(5).build();
            failingTimes(10, new ActionFailure.Precondition("No inner_ip in context"))
                    .retry(policy)
                    .run(ctx);
            assertThat(attempts).hasValue(1);
            attempts.set(0);
            failingTimes(10, new ActionFailure.Ssh("root@h", ActionFailure.Ssh.Reason.HOST_KEY_REJECTED, "changed"))
                    .retry(policy)
                    .run(ctx);
            assertThat(attempts).hasValue(1);
        }
    }

    @Nested
    @DisplayName("backoff")
    class Backoff {

        @Test
        @DisplayName("grows exponentially, is capped, and jitter only shortens within its fraction")
        void delays() {
            RetryPolicy policy = RetryPolicy.builder()
                    .backoff(Duration.ofMillis(100), Duration.ofMillis(1000))
                    .jitter(0.5)
                    .build();
            SplittableRandom random = new SplittableRandom(42);
            for (int attempt = 1; attempt <= 8; attempt++) {
                long base = Math.min(100L << (attempt - 1), 1000L);
                for (int i = 0; i < 50; i++) {
                    Duration d = policy.delayAfter(attempt, random);
                    assertThat(d.toMillis()).isBetween(base / 2 - 1, base);
                }
            }
        }
    }

    @Nested
    @DisplayName("in real time")
    class RealTime {

        @Test
        @DisplayName("cuts a hanging attempt at the deadline and leaves no thread behind")
        void hangingAttempt() {
            CombinatorsTest.Blocking blocking = new CombinatorsTest.Blocking();
            RetryPolicy policy = RetryPolicy.builder()
                    .maxAttempts(3)
                    .deadline(Duration.ofMillis(200))
                    .build();
            long start = System.nanoTime();
            Either<ActionFailure, String> r =
                    blocking.retry(policy).run(ActionContext.builder().build());
            assertThat(r.getLeft().message()).startsWith("Timeout retrying blocking step after 200ms");
            assertThat(blocking.thread.get().isAlive()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }
}
