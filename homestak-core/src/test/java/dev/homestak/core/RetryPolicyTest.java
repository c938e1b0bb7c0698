package dev.homestak.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("RetryPolicy: the one backoff of the client, Action.retry and polls")
class RetryPolicyTest {

    @Nested
    @DisplayName("polling(cap)")
    class Polling {
        @Test
        @DisplayName("starts at 50 ms and doubles up to the cap, then stays there, with no attempt limit")
        void doublesToCap() {
            RetryPolicy polls = RetryPolicy.polling(Duration.ofMillis(250));
            assertThat(IntStream.rangeClosed(1, 6)
                            .mapToObj(n -> polls.delayAfter(n).toMillis()))
                    .containsExactly(50L, 100L, 200L, 250L, 250L, 250L);
            assertThat(polls.maxAttempts()).isEqualTo(Integer.MAX_VALUE);
            assertThat(polls.delayAfter(10_000)).isEqualTo(Duration.ofMillis(250));
        }

        @Test
        @DisplayName("a cap below 50 ms is the pause from the start")
        void tinyCap() {
            assertThat(RetryPolicy.polling(Duration.ofMillis(10)).delayAfter(1)).isEqualTo(Duration.ofMillis(10));
        }
    }

    @Test
    @DisplayName("jitter removes at most its fraction of each wait")
    void jitterBounded() {
        RetryPolicy p = RetryPolicy.builder()
                .backoff(Duration.ofMillis(200), Duration.ofSeconds(5))
                .jitter(0.5)
                .build();
        for (int i = 0; i < 200; i++) {
            assertThat(p.delayAfter(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
            assertThat(p.delayAfter(10)).isBetween(Duration.ofMillis(2500), Duration.ofSeconds(5));
        }
    }

    @Test
    @DisplayName("none() makes one attempt; toBuilder() keeps every value")
    void noneAndCopy() {
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
        RetryPolicy p = RetryPolicy.builder()
                .maxAttempts(7)
                .deadline(Duration.ofSeconds(9))
                .jitter(0.1)
                .build();
        assertThat(p.toBuilder().build()).isEqualTo(p);
    }

    @Test
    @DisplayName("rejects no attempts and a cap below the first wait")
    void validates() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.builder()
                        .backoff(Duration.ofSeconds(2), Duration.ofSeconds(1))
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
