package dev.homestak.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.core.Facts;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("ScenarioRunner")
class ScenarioRunnerTest {

    @TempDir
    Path reports;

    final TestActions actions = new TestActions();
    final RecordingListener listener = new RecordingListener();

    ScenarioRunner runner() {
        return ScenarioRunner.builder()
                .host("pve")
                .reportDir(reports)
                .listener(listener)
                .cancelGrace(Duration.ofSeconds(5))
                .build();
    }

    Scenario constructor(Phase... extra) {
        List<Phase> phases = new java.util.ArrayList<>(List.of(
                Phase.of(
                        "provision",
                        "Provision test VM",
                        actions.pass("provision", Facts.empty().with(Facts.VM_IP, "10.0.0.5"))),
                Phase.of("start", "Start test VM", actions.pass("start"))));
        phases.addAll(List.of(extra));
        return Scenario.of("t-constructor", "build", phases);
    }

    Scenario destructor() {
        return Scenario.of(
                "t-destructor",
                "tear down",
                List.of(Phase.of("destroy", "Destroy test VM", actions.echoFact("destroy", "vm_ip"))));
    }

    Scenario roundtrip(Phase... extra) {
        return Scenario.roundtrip("t-roundtrip", "full cycle", constructor(extra), destructor());
    }

    RunReport run(Scenario s, RunOptions o) {
        Either<RunFailure, RunReport> r = runner().run(s, o);
        assertThat(r.isRight()).as("run started: %s", r).isTrue();
        return r.get();
    }

    @Nested
    @DisplayName("when every phase passes")
    class Passing {
        @Test
        @DisplayName("runs the phases in order, passes facts on, and reports PASSED")
        void passes() {
            RunReport report = run(roundtrip(), RunOptions.defaults());
            assertThat(report.outcome()).isEqualTo(RunOutcome.PASSED);
            assertThat(actions.ran).containsExactly("provision", "start", "destroy");
            assertThat(report.phases()).extracting(PhaseResult::name).containsExactly("provision", "start", "destroy");
            assertThat(report.phase("destroy").orElseThrow().message()).isEqualTo("vm_ip=10.0.0.5");
            assertThat(report.facts().get(Facts.VM_IP)).contains("10.0.0.5");
            assertThat(report.facts().contains("run_id"))
                    .as("the run id is run control, not a fact")
                    .isFalse();
        }

        @Test
        @DisplayName("ports given to the builder reach the actions and stay the caller's: close() leaves them open")
        void givenPortsStayOpen() {
            java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
            dev.homestak.actions.ProxmoxClients mine = new dev.homestak.actions.ProxmoxClients() {
                @Override
                public io.vavr.control.Either<dev.homestak.actions.ActionFailure, dev.homestak.proxmox.ProxmoxClient>
                        forHost(dev.homestak.core.HostConfig host) {
                    return Either.left(new dev.homestak.actions.ActionFailure.Precondition("mine"));
                }

                @Override
                public io.vavr.control.Either<dev.homestak.actions.ActionFailure, dev.homestak.proxmox.ProxmoxClient>
                        forNested(String address, dev.homestak.core.Secret token) {
                    return Either.left(new dev.homestak.actions.ActionFailure.Precondition("mine"));
                }

                @Override
                public void close() {
                    closed.set(true);
                }
            };
            ScenarioRunner runner = ScenarioRunner.builder()
                    .noReports()
                    .ports(dev.homestak.actions.Ports.builder().proxmox(mine).build())
                    .build();
            Scenario s = Scenario.of(
                    "p",
                    "d",
                    List.of(Phase.of(
                            "p",
                            "P",
                            // the run's clients reach nested PVEs through its SSH forwards, the host through mine
                            ctx -> Either.right(dev.homestak.actions.ActionResult.of(ctx.proxmox()
                                    .forHost(dev.homestak.core.HostConfig.builder()
                                            .name("h")
                                            .build())
                                    .fold(dev.homestak.actions.ActionFailure::message, c -> "another client"))))));
            assertThat(runner.run(s, RunOptions.defaults())
                            .get()
                            .phase("p")
                            .orElseThrow()
                            .message())
                    .isEqualTo("mine");
            runner.close();
            assertThat(closed).isFalse();
        }

        @Test
        @DisplayName("actions read the run id and the --vm-id overrides from ctx.run(), not from the facts")
        void runControl() {
            Scenario s = Scenario.of(
                    "ctl",
                    "d",
                    List.of(Phase.of(
                            "look",
                            "Look",
                            ctx -> Either.right(dev.homestak.actions.ActionResult.of(
                                    ctx.run().runId().orElse("none") + " "
                                            + ctx.run().vmIdOverrides() + " "
                                            + ctx.facts().contains("vm_id_overrides"))))));
            RunReport report = run(s, RunOptions.builder().vmId("test", 99950).build());
            assertThat(report.phase("look").orElseThrow().message()).isEqualTo(report.runId() + " {test=99950} false");
        }

        @Test
        @DisplayName("emits started/passed per phase between run started and finished, numbered without gaps")
        void events() {
            Scenario s = Scenario.of("chat", "d", List.of(Phase.of("talk", "Talk", actions.chatty("talk"))));
            RunReport report = run(s, RunOptions.defaults());
            assertThat(listener.types())
                    .containsExactly(
                            "RunStarted",
                            "PhaseStarted:talk",
                            "Progress:talk",
                            "ToolOutput:talk",
                            "PhasePassed:talk",
                            "RunFinished");
            assertThat(listener.events)
                    .extracting(RunEvent::seq)
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, 6).boxed().toList());
            assertThat(listener.events).allMatch(e -> e.runId().equals(report.runId()));
            RunEvent.ToolOutput out = (RunEvent.ToolOutput) listener.events.get(3);
            assertThat(out.stream()).isEqualTo("stderr");
            assertThat(out.line()).isEqualTo("warning from tool");
            assertThat(listener.events.get(3).toJsonLine())
                    .startsWith("{\"v\":1,\"type\":\"tool_output\",\"run_id\":\"" + report.runId());
        }

        @Test
        @DisplayName("a listener that throws cannot fail the run")
        void brokenListener() {
            ScenarioRunner r = ScenarioRunner.builder()
                    .noReports()
                    .listener(e -> {
                        throw new IllegalStateException("boom");
                    })
                    .build();
            assertThat(r.run(constructor(), RunOptions.defaults()).get().outcome())
                    .isEqualTo(RunOutcome.PASSED);
        }
    }

    @Nested
    @DisplayName("skipping phases")
    class Skipping {
        @Test
        @DisplayName("a skipped phase is reported as skipped with its real description and its action never runs")
        void skip() {
            RunReport report =
                    run(roundtrip(), RunOptions.builder().skip("start").build());
            assertThat(actions.ran).containsExactly("provision", "destroy");
            PhaseResult start = report.phase("start").orElseThrow();
            assertThat(start.status()).isEqualTo(PhaseStatus.SKIPPED);
            assertThat(start.description()).isEqualTo("Start test VM");
        }

        @Test
        @DisplayName("an unknown phase name is refused before anything runs, listing the valid ones")
        void unknown() {
            Either<RunFailure, RunReport> r =
                    runner().run(roundtrip(), RunOptions.builder().skip("strat").build());
            assertThat(r.getLeft().message())
                    .isEqualTo(
                            "Unknown phase 'strat' for scenario t-roundtrip. Valid phases: provision, start, destroy");
            assertThat(actions.ran).isEmpty();
            assertThat(listener.events).isEmpty();
        }
    }

    @Nested
    @DisplayName("when a constructor phase fails")
    class Failing {
        @Test
        @DisplayName("later phases are not run, the destructor still runs (policy always), and the run FAILED")
        void cleanupAfterFailure() {
            Phase verify = Phase.of("verify", "Verify SSH", actions.fail("verify", "SSH to 10.0.0.5: key refused"));
            RunReport report = run(roundtrip(verify), RunOptions.defaults());
            assertThat(report.outcome()).isEqualTo(RunOutcome.FAILED);
            assertThat(actions.ran).containsExactly("provision", "start", "verify", "destroy");
            assertThat(report.phases())
                    .extracting(PhaseResult::status)
                    .containsExactly(PhaseStatus.PASSED, PhaseStatus.PASSED, PhaseStatus.FAILED, PhaseStatus.PASSED);
            assertThat(report.firstFailure().orElseThrow().message()).isEqualTo("SSH to 10.0.0.5: key refused");
            assertThat(report.cleanup().cleaned()).containsExactly("destroy: vm_ip=10.0.0.5");
            assertThat(report.phase("destroy").orElseThrow().cleanup()).isTrue();
            assertThat(report.failureSummary())
                    .contains("phase verify (Verify SSH) failed: SSH to 10.0.0.5: key refused");
        }

        @Test
        @DisplayName("phases never reached are listed as not run, saying why")
        void notRun() {
            Phase verify = Phase.of("verify", "Verify SSH", actions.pass("verify"));
            Scenario s = Scenario.roundtrip(
                    "rt",
                    "d",
                    Scenario.of("c", "d", List.of(Phase.of("provision", "P", actions.fail("provision", "no")), verify)),
                    destructor());
            RunReport report = run(
                    s, RunOptions.builder().cleanup(CleanupPolicy.ON_SUCCESS).build());
            assertThat(report.phase("verify").orElseThrow().status()).isEqualTo(PhaseStatus.NOT_RUN);
            assertThat(report.phase("verify").orElseThrow().message()).isEqualTo("not reached: provision failed");
            assertThat(report.phase("destroy").orElseThrow().message()).isEqualTo("kept: cleanup policy on-success");
            assertThat(actions.ran).containsExactly("provision");
        }

        @Test
        @DisplayName("a failing cleanup phase makes the outcome CLEANUP_FAILED; the other cleanup phases still run")
        void cleanupFails() {
            Scenario destructor = Scenario.of(
                    "d",
                    "d",
                    List.of(
                            Phase.of("stop", "Stop VM", actions.fail("stop", "VM 99913: HTTP 500: got timeout")),
                            Phase.of("destroy", "Destroy VM", actions.pass("destroy"))));
            Scenario s = Scenario.roundtrip(
                    "rt", "d", constructor(Phase.of("verify", "V", actions.fail("verify", "bad"))), destructor);
            RunReport report = run(s, RunOptions.defaults());
            assertThat(report.outcome()).isEqualTo(RunOutcome.CLEANUP_FAILED);
            assertThat(actions.ran).containsExactly("provision", "start", "verify", "stop", "destroy");
            assertThat(report.cleanup().remaining()).containsExactly("stop: VM 99913: HTTP 500: got timeout");
            assertThat(report.cleanup().cleaned()).containsExactly("destroy: destroy done");
            assertThat(report.failureSummary())
                    .contains(
                            "phase verify (V) failed: bad; cleanup could not remove: stop: VM 99913: HTTP 500: got timeout");
        }
    }

    @Nested
    @DisplayName("cleanup policy")
    class Policy {
        @Test
        @DisplayName("never: a roundtrip's teardown is skipped and the environment kept")
        void never() {
            RunReport report = run(
                    roundtrip(),
                    RunOptions.builder().cleanup(CleanupPolicy.NEVER).build());
            assertThat(actions.ran).containsExactly("provision", "start");
            assertThat(report.phase("destroy").orElseThrow().status()).isEqualTo(PhaseStatus.SKIPPED);
            assertThat(report.outcome()).isEqualTo(RunOutcome.PASSED);
        }

        @Test
        @DisplayName("on-failure: a passing run keeps its environment")
        void onFailureKeepsPassing() {
            run(
                    roundtrip(),
                    RunOptions.builder().cleanup(CleanupPolicy.ON_FAILURE).build());
            assertThat(actions.ran).containsExactly("provision", "start");
        }

        @Test
        @DisplayName("a constructor with a destructor cleans up only when asked: always runs it after success")
        void constructorAlways() {
            Scenario s = constructor().withCleanup(destructor());
            assertThat(run(s, RunOptions.defaults()).phases()).hasSize(2);
            assertThat(actions.ran).containsExactly("provision", "start");
            RunReport report =
                    run(s, RunOptions.builder().cleanup(CleanupPolicy.ALWAYS).build());
            assertThat(report.phases()).extracting(PhaseResult::name).containsExactly("provision", "start", "destroy");
            assertThat(report.cleanup().ran()).isTrue();
        }
    }
}
