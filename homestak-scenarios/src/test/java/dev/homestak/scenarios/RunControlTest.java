package dev.homestak.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.core.Facts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("ScenarioRunner: timeout and cancellation")
class RunControlTest {

    final TestActions actions = new TestActions();
    final RecordingListener listener = new RecordingListener();

    ScenarioRunner runner(Duration grace) {
        return ScenarioRunner.builder()
                .noReports()
                .listener(listener)
                .cancelGrace(grace)
                .build();
    }

    Scenario roundtrip(Phase blocking) {
        Scenario constructor = Scenario.of(
                "c",
                "d",
                List.of(
                        Phase.of(
                                "provision",
                                "Provision",
                                actions.pass("provision", Facts.empty().with(Facts.VM_IP, "10.0.0.7"))),
                        blocking,
                        Phase.of("verify", "Verify", actions.pass("verify"))));
        Scenario destructor =
                Scenario.of("d", "d", List.of(Phase.of("destroy", "Destroy", actions.echoFact("destroy", "vm_ip"))));
        return Scenario.roundtrip("rt", "d", constructor, destructor);
    }

    @Nested
    @DisplayName("a scenario timeout")
    class Timeout {
        @Test
        @DisplayName("cancels the running phase (not just between phases), then cleanup runs with its own budget")
        void cancelsRunningPhase() {
            Instant start = Instant.now();
            RunReport report = runner(Duration.ofSeconds(30))
                    .run(
                            roundtrip(Phase.of("wait_ip", "Wait", actions.blockUntilCancelled("wait_ip"))),
                            RunOptions.builder().timeout(Duration.ofMillis(300)).build())
                    .get();
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
            assertThat(report.outcome()).isEqualTo(RunOutcome.FAILED);
            PhaseResult waitIp = report.phase("wait_ip").orElseThrow();
            assertThat(waitIp.status()).isEqualTo(PhaseStatus.FAILED);
            assertThat(waitIp.message())
                    .startsWith("Timeout exceeded (")
                    .contains(">= 0.3s)")
                    .contains("wait_ip was cancelled");
            assertThat(report.phase("verify").orElseThrow().message()).isEqualTo("not reached: scenario timeout");
            assertThat(actions.ran).containsExactly("provision", "wait_ip", "destroy");
            assertThat(report.phase("destroy").orElseThrow().status()).isEqualTo(PhaseStatus.PASSED);
        }

        @Test
        @DisplayName("a phase's own timeout stops that phase with the action's timeout message")
        void phaseTimeout() {
            RunReport report = runner(Duration.ofSeconds(30))
                    .run(
                            roundtrip(Phase.of("wait_ip", "Wait", actions.blockUntilCancelled("wait_ip"))
                                    .withTimeout(Duration.ofMillis(200))),
                            RunOptions.defaults())
                    .get();
            assertThat(report.phase("wait_ip").orElseThrow().message())
                    .startsWith("Timeout")
                    .contains("200ms");
            assertThat(report.outcome()).isEqualTo(RunOutcome.FAILED);
        }
    }

    @Nested
    @DisplayName("cancel()")
    class Cancel {
        @Test
        @DisplayName("stops the running action promptly, runs cleanup, and reports INTERRUPTED")
        void cancel() throws Exception {
            RunHandle handle = runner(Duration.ofSeconds(30))
                    .start(
                            roundtrip(Phase.of("wait_ip", "Wait", actions.blockUntilCancelled("wait_ip"))),
                            RunOptions.defaults())
                    .get();
            assertThat(actions.blocking.await(10, TimeUnit.SECONDS)).isTrue();
            handle.cancel();
            RunReport report = handle.report().get(10, TimeUnit.SECONDS);
            assertThat(report.outcome()).isEqualTo(RunOutcome.INTERRUPTED);
            assertThat(report.phase("wait_ip").orElseThrow().message()).startsWith("Interrupted: ");
            assertThat(report.phase("verify").orElseThrow().message()).isEqualTo("not reached: run interrupted");
            assertThat(report.cleanup().cleaned()).containsExactly("destroy: vm_ip=10.0.0.7");
            assertThat(listener.events.getLast()).isInstanceOf(RunEvent.RunFinished.class);
        }

        @Test
        @DisplayName("abandons an action that ignores cancellation after the grace period, and still cleans up")
        void uncooperative() throws Exception {
            RunHandle handle = runner(Duration.ofMillis(200))
                    .start(
                            roundtrip(Phase.of("wait_ip", "Wait", actions.ignoreCancel("wait_ip"))),
                            RunOptions.defaults())
                    .get();
            assertThat(actions.blocking.await(10, TimeUnit.SECONDS)).isTrue();
            handle.cancel();
            RunReport report = handle.report().get(10, TimeUnit.SECONDS);
            assertThat(report.phase("wait_ip").orElseThrow().message())
                    .contains("did not stop within")
                    .contains("abandoned");
            assertThat(report.phase("destroy").orElseThrow().status()).isEqualTo(PhaseStatus.PASSED);
        }

        @Test
        @DisplayName("a second cancel() aborts the cleanup: CLEANUP_FAILED, and the report says what was not cleaned")
        void secondCancel() throws Exception {
            TestActions cleanupActions = new TestActions();
            Scenario constructor =
                    Scenario.of("c", "d", List.of(Phase.of("wait_ip", "Wait", actions.blockUntilCancelled("wait_ip"))));
            Scenario destructor = Scenario.of(
                    "d",
                    "d",
                    List.of(
                            Phase.of("stop", "Stop", cleanupActions.blockUntilCancelled("stop")),
                            Phase.of("destroy", "Destroy", cleanupActions.pass("destroy"))));
            RunHandle handle = runner(Duration.ofSeconds(30))
                    .start(Scenario.roundtrip("rt", "d", constructor, destructor), RunOptions.defaults())
                    .get();
            assertThat(actions.blocking.await(10, TimeUnit.SECONDS)).isTrue();
            handle.cancel();
            assertThat(cleanupActions.blocking.await(10, TimeUnit.SECONDS)).isTrue();
            handle.cancel();
            RunReport report = handle.report().get(10, TimeUnit.SECONDS);
            assertThat(report.outcome()).isEqualTo(RunOutcome.CLEANUP_FAILED);
            assertThat(cleanupActions.ran).containsExactly("stop");
            assertThat(report.cleanup().remaining())
                    .hasSize(2)
                    .anySatisfy(l -> assertThat(l).startsWith("stop: Cleanup aborted (interrupted twice)"))
                    .anySatisfy(l -> assertThat(l).isEqualTo("destroy: cleanup aborted (interrupted twice)"));
        }

        @Test
        @DisplayName("interrupting the thread waiting in run() cancels the run, which still cleans up")
        void interruptWaiter() throws Exception {
            ScenarioRunner r = runner(Duration.ofSeconds(30));
            java.util.concurrent.CompletableFuture<RunReport> result = new java.util.concurrent.CompletableFuture<>();
            Thread waiter = Thread.ofPlatform()
                    .start(() -> result.complete(r.run(
                                    roundtrip(Phase.of("wait_ip", "Wait", actions.blockUntilCancelled("wait_ip"))),
                                    RunOptions.defaults())
                            .get()));
            assertThat(actions.blocking.await(10, TimeUnit.SECONDS)).isTrue();
            waiter.interrupt();
            RunReport report = result.get(10, TimeUnit.SECONDS);
            assertThat(report.outcome()).isEqualTo(RunOutcome.INTERRUPTED);
            assertThat(actions.ran).contains("destroy");
        }
    }
}
