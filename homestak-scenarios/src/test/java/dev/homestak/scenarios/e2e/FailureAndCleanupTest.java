package dev.homestak.scenarios.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.scenarios.CleanupPolicy;
import dev.homestak.scenarios.PhaseResult;
import dev.homestak.scenarios.PhaseStatus;
import dev.homestak.scenarios.RunEvent;
import dev.homestak.scenarios.RunHandle;
import dev.homestak.scenarios.RunOptions;
import dev.homestak.scenarios.RunOutcome;
import dev.homestak.scenarios.RunReport;
import dev.homestak.sim.FaultKind;
import dev.homestak.sim.FaultRule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("simple-vm-roundtrip under failure, cancellation, timeout and API faults")
class FailureAndCleanupTest {

    @TempDir
    Path dir;

    SimSite site;

    @AfterEach
    void stop() {
        if (site != null) {
            site.close();
        }
    }

    private static final List<String> ROUNDTRIP =
            List.of("ensure_image", "provision", "start", "wait_ip", "verify_ssh", "destroy");

    @Nested
    @DisplayName("a phase fails for good")
    class PermanentFault {

        @Test
        @DisplayName("the failure names the phase, the VM and PVE's reason; cleanup destroys the VM; nothing is left")
        void startTaskFails() {
            site = SimSite.start(
                    dir,
                    b -> b.fault(FaultRule.builder(FaultKind.TASK_FAILURE)
                            .method("POST")
                            .path("/status/start$")
                            .message("start failed: QEMU exited with code 1")
                            .build()));

            RunReport report = site.runner()
                    .run(site.registered("simple-vm-roundtrip"), RunOptions.defaults())
                    .get();

            assertThat(report.outcome()).isEqualTo(RunOutcome.FAILED);
            assertThat(report.phases()).extracting(PhaseResult::name).containsExactlyElementsOf(ROUNDTRIP);
            PhaseResult start = report.phase("start").orElseThrow();
            assertThat(start.status()).isEqualTo(PhaseStatus.FAILED);
            assertThat(start.message())
                    .startsWith("starting VM 99900 (test) on sim: ")
                    .contains("start failed: QEMU exited with code 1");
            assertThat(report.phase("wait_ip").orElseThrow().message()).isEqualTo("not reached: start failed");
            assertThat(report.phase("destroy").orElseThrow().status()).isEqualTo(PhaseStatus.PASSED);
            assertThat(report.cleanup().cleaned())
                    .singleElement()
                    .asString()
                    .contains("destroy: Destroyed VM 99900 (test)");
            assertThat(report.failureSummary())
                    .hasValueSatisfying(s -> assertThat(s).contains("start"));
            assertThat(site.sim.vms()).isEmpty();
        }

        @Test
        @DisplayName(
                "policy on-success keeps the failed VM for debugging, and the destroy phase says why it did not run")
        void keptForDebugging() {
            site = SimSite.start(
                    dir,
                    b -> b.fault(FaultRule.builder(FaultKind.TASK_FAILURE)
                            .method("POST")
                            .path("/status/start$")
                            .build()));

            RunReport report = site.runner()
                    .run(
                            site.registered("simple-vm-roundtrip"),
                            RunOptions.builder()
                                    .cleanup(CleanupPolicy.ON_SUCCESS)
                                    .build())
                    .get();

            assertThat(report.phase("destroy").orElseThrow().message()).isEqualTo("kept: cleanup policy on-success");
            assertThat(site.sim.vm(99900)).isPresent();
        }
    }

    @Nested
    @DisplayName("transient API faults")
    class TransientFaults {

        @Test
        @DisplayName("503, 596 and connection resets are retried: the run passes and the faults really happened")
        void retried() {
            site = SimSite.start(
                    dir,
                    b -> b.fault(FaultRule.builder(FaultKind.HTTP_503)
                                    .method("GET")
                                    .path("/status/current$")
                                    .nth(1)
                                    .build())
                            .fault(FaultRule.builder(FaultKind.CONNECTION_RESET)
                                    .method("GET")
                                    .path("/config$")
                                    .nth(1)
                                    .build())
                            .fault(FaultRule.builder(FaultKind.HTTP_596)
                                    .method("GET")
                                    .path("/tasks/")
                                    .nth(2)
                                    .build())
                            .fault(FaultRule.builder(FaultKind.HTTP_503)
                                    .method("GET")
                                    .path("/agent/network-get-interfaces$")
                                    .nth(1)
                                    .build()));

            RunReport report = site.runner()
                    .run(site.registered("simple-vm-roundtrip"), RunOptions.defaults())
                    .get();

            assertThat(report.phases())
                    .allSatisfy(p -> assertThat(p.status())
                            .as(p.name() + ": " + p.message())
                            .isEqualTo(PhaseStatus.PASSED));
            assertThat(site.sim.faultCount(FaultKind.HTTP_503)).isEqualTo(2);
            assertThat(site.sim.faultCount(FaultKind.CONNECTION_RESET)).isEqualTo(1);
            assertThat(site.sim.faultCount(FaultKind.HTTP_596)).isEqualTo(1);
            assertThat(site.sim.vms()).isEmpty();
        }
    }

    @Nested
    @DisplayName("cancellation and timeout")
    class Stopping {

        @Test
        @DisplayName("cancel while waiting for the IP: the wait stops, cleanup destroys the VM, outcome INTERRUPTED")
        void cancelMidRun() throws Exception {
            site = SimSite.start(
                    dir,
                    b -> b.fault(FaultRule.builder(FaultKind.AGENT_NEVER_READY)
                            .vmid(99900)
                            .build()));
            CompletableFuture<Void> waiting = new CompletableFuture<>();
            RunHandle handle = site.runner(e -> {
                        if (e instanceof RunEvent.PhaseStarted p && p.phase().equals("wait_ip")) {
                            waiting.complete(null);
                        }
                    })
                    .start(site.registered("simple-vm-roundtrip"), RunOptions.defaults())
                    .get();
            waiting.get(60, TimeUnit.SECONDS);

            handle.cancel();
            RunReport report = handle.report().get(60, TimeUnit.SECONDS);

            assertThat(report.outcome()).isEqualTo(RunOutcome.INTERRUPTED);
            assertThat(report.phase("wait_ip").orElseThrow().message()).startsWith("Interrupted");
            assertThat(report.phase("verify_ssh").orElseThrow().status()).isEqualTo(PhaseStatus.NOT_RUN);
            assertThat(report.phase("destroy").orElseThrow().status()).isEqualTo(PhaseStatus.PASSED);
            assertThat(site.sim.vms()).isEmpty();
        }

        @Test
        @DisplayName("a scenario timeout cancels the running wait (not after 300 s) and cleanup still runs")
        void timeout() {
            site = SimSite.start(
                    dir,
                    b -> b.fault(FaultRule.builder(FaultKind.AGENT_NEVER_READY)
                            .vmid(99900)
                            .build()));
            long started = System.nanoTime();

            RunReport report = site.runner()
                    .run(
                            site.registered("simple-vm-roundtrip"),
                            RunOptions.builder().timeout(Duration.ofSeconds(8)).build())
                    .get();

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
            assertThat(report.outcome()).isEqualTo(RunOutcome.FAILED);
            assertThat(report.phase("wait_ip").orElseThrow().message()).startsWith("Timeout exceeded (");
            assertThat(report.phase("verify_ssh").orElseThrow().message()).isEqualTo("not reached: scenario timeout");
            assertThat(report.phase("destroy").orElseThrow().status()).isEqualTo(PhaseStatus.PASSED);
            assertThat(site.sim.vms()).isEmpty();
        }
    }
}
