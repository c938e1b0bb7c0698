package dev.homestak.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Backoff: pauses between polls")
class BackoffTest {

    static final Duration FAR = Duration.ofHours(1);

    @Test
    @DisplayName("starts at 50 ms and doubles up to the cap, then stays there")
    void doublesToCap() {
        Backoff backoff = Backoff.upTo(Backoff.WAIT_CAP);
        List<Long> pauses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            pauses.add(backoff.next(FAR).toMillis());
        }
        assertThat(pauses).containsExactly(50L, 100L, 200L, 250L, 250L, 250L);
    }

    @Test
    @DisplayName("never pauses past the deadline")
    void boundedByTimeLeft() {
        Backoff backoff = Backoff.upTo(Duration.ofSeconds(1));
        assertThat(backoff.next(Duration.ofMillis(20))).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    @DisplayName("a cap below 50 ms is the pause from the start")
    void tinyCap() {
        assertThat(Backoff.upTo(Duration.ofMillis(10)).next(FAR)).isEqualTo(Duration.ofMillis(10));
    }

    @Test
    @DisplayName("the wait cap keeps a waiting poll at 4 requests a second or fewer")
    void waitCapRate() {
        assertThat(1000 / Backoff.WAIT_CAP.toMillis()).isLessThanOrEqualTo(4);
    }
}
