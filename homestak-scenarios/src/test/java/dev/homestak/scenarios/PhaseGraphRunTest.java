package dev.homestak.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionResult;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A scenario scheduled by a PhaseGraph")
class PhaseGraphRunTest {

    final List<String> ran = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger peak = new AtomicInteger();

    ScenarioRunner runner() {
        return ScenarioRunner.builder()
                .host("pve")
                .noReports()
                .cancelGrace(Duration.ofSeconds(5))
                .build();
    }

    Action<ActionResult> pass(String name) {
        return ctx -> {
            int now = running.incrementAndGet();
            peak.accumulateAndGet(now, Math::max);
            ran.add(name);
            running.decrementAndGet();
            return Either.right(ActionResult.of(name + " done"));
        };
    }

    Action<ActionResult> fail(String name) {
        return ctx -> {
            ran.add(name);
            return Either.left(new ActionFailure.Precondition(name + " broke"));
        };
    }

    /** Passes only once {@code latch} has counted down to zero: proves that its peers run at the same time. */
    Action<ActionResult> meet(String name, CountDownLatch latch) {
        return ctx -> {
            latch.countDown();
            try {
                return latch.await(10, TimeUnit.SECONDS)
                        ? Either.right(ActionResult.of(name + " met"))
                        : Either.left(new ActionFailure.Precondition(name + " ran alone"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Either.left(new ActionFailure.Cancelled(name, "interrupted"));
            }
        };
    }

    RunReport run(Scenario s) {
        return runner().run(s, RunOptions.defaults()).get();
    }

    @Test
    @DisplayName("runs independent phases at the same time and a dependent one after its parent")
    void parallel() {
        CountDownLatch both = new CountDownLatch(2);
        Scenario s = Scenario.of(
                        "g",
                        "d",
                        List.of(
                                Phase.of("a", "A", meet("a", both)),
                                Phase.of("b", "B", meet("b", both)),
                                Phase.of("c", "C", pass("c"))))
                .withGraph(PhaseGraph.of(Map.of("c", Set.of("a")), Map.of(), 8));
        RunReport report = run(s);
        assertThat(report.outcome()).isEqualTo(RunOutcome.PASSED);
        assertThat(report.phases()).extracting(PhaseResult::name).containsExactly("a", "b", "c");
        assertThat(ran).containsExactly("c");
    }

    @Test
    @DisplayName("never runs more phases of one lane at once than the bound")
    void laneBound() {
        List<Phase> phases = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            phases.add(Phase.of("p" + i, "P", pass("p" + i)));
        }
        RunReport report = run(Scenario.of("g", "d", phases).withGraph(PhaseGraph.of(Map.of(), Map.of(), 1)));
        assertThat(report.outcome()).isEqualTo(RunOutcome.PASSED);
        assertThat(ran).hasSize(12);
        assertThat(peak.get()).isEqualTo(1);
    }

    @Test
    @DisplayName("stop: after a failure starts nothing new; the rest is not run")
    void stops() {
        Scenario s = Scenario.of("g", "d", List.of(Phase.of("a", "A", fail("a")), Phase.of("b", "B", pass("b"))))
                .withGraph(PhaseGraph.of(Map.of("b", Set.of("a")), Map.of(), 8));
        RunReport report = run(s);
        assertThat(report.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(report.phase("b").orElseThrow().status()).isEqualTo(PhaseStatus.NOT_RUN);
        assertThat(report.phase("b").orElseThrow().message()).isEqualTo("not reached: a failed");
    }

    @Test
    @DisplayName("continue: runs independent phases and marks the failed phase's descendants not run")
    void continues() {
        Scenario s = Scenario.of(
                        "g",
                        "d",
                        List.of(
                                Phase.of("a", "A", fail("a")),
                                Phase.of("a2", "A2", pass("a2")),
                                Phase.of("a3", "A3", pass("a3")),
                                Phase.of("x", "X", pass("x")),
                                Phase.of("y", "Y", pass("y"))))
                .withGraph(PhaseGraph.of(Map.of("a2", Set.of("a"), "a3", Set.of("a2"), "y", Set.of("x")), Map.of(), 1)
                        .withContinueOnFailure(true));
        RunReport report = run(s);
        assertThat(report.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(ran).containsExactlyInAnyOrder("a", "x", "y");
        assertThat(report.phase("a3").orElseThrow().message()).isEqualTo("not reached: a failed");
        assertThat(report.phase("y").orElseThrow().status()).isEqualTo(PhaseStatus.PASSED);
    }

    @Test
    @DisplayName("cleanup runs children before parents, also after a failure")
    void cleanupOrder() {
        Scenario destructor = Scenario.of(
                "down",
                "d",
                List.of(
                        Phase.of("parent-down", "P", pass("parent-down")),
                        Phase.of("child-down", "C", pass("child-down"))));
        Scenario s = Scenario.of("g", "d", List.of(Phase.of("up", "U", fail("up"))))
                .withCleanup(destructor)
                .withGraph(PhaseGraph.of(Map.of("parent-down", Set.of("child-down")), Map.of(), 8));
        RunReport report = runner().run(
                        s, RunOptions.builder().cleanup(CleanupPolicy.ALWAYS).build())
                .get();
        assertThat(report.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(ran).containsExactly("up", "child-down", "parent-down");
    }

    @Test
    @DisplayName("refuses a graph with a cycle or an unknown phase")
    void refusesBadGraphs() {
        List<Phase> phases = List.of(Phase.of("a", "A", pass("a")), Phase.of("b", "B", pass("b")));
        assertThatThrownBy(() -> Scenario.of("g", "d", phases)
                        .withGraph(PhaseGraph.of(Map.of("a", Set.of("b"), "b", Set.of("a")), Map.of(), 1)))
                .hasMessageContaining("cycle");
        assertThatThrownBy(() ->
                        Scenario.of("g", "d", phases).withGraph(PhaseGraph.of(Map.of("a", Set.of("zz")), Map.of(), 1)))
                .hasMessageContaining("unknown phase zz");
    }
}
