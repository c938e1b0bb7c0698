package dev.homestak.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.scenarios.PhaseResult;
import dev.homestak.scenarios.PhaseStatus;
import dev.homestak.scenarios.RunOptions;
import dev.homestak.scenarios.RunOutcome;
import dev.homestak.sim.FaultKind;
import dev.homestak.sim.FaultRule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A fault that never clears, in each phase of {@code simple-vm-roundtrip} in turn. */
@Order(40)
@DisplayName("permanent faults: one phase at a time never succeeds")
class PermanentFaultsTest {

    static Stream<Arguments> phases() {
        return Stream.of(
                Arguments.of(
                        "ensure_image",
                        FaultRule.builder(FaultKind.HTTP_500)
                                .method("GET")
                                .path("/storage/local/content$")
                                .message("storage 'local' is not online")
                                .build(),
                        "storage 'local' is not online"),
                Arguments.of(
                        "provision",
                        FaultRule.builder(FaultKind.TASK_FAILURE)
                                .method("POST")
                                .path("/qemu$")
                                .message("unable to create VM 99900 - lvcreate failed: volume group full")
                                .build(),
                        "volume group full"),
                Arguments.of(
                        "start",
                        FaultRule.builder(FaultKind.TASK_FAILURE)
                                .method("POST")
                                .path("/status/start$")
                                .message("start failed: QEMU exited with code 1")
                                .build(),
                        "QEMU exited with code 1"),
                Arguments.of(
                        "wait_ip",
                        FaultRule.builder(FaultKind.HTTP_500)
                                .method("GET")
                                .path("/agent/network-get-interfaces$")
                                .message("guest agent command failed: permission denied")
                                .build(),
                        "permission denied"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phases")
    @DisplayName("the run fails naming the phase, the VM and PVE's reason; cleanup runs; no VM is left")
    void failsAndCleansUp(String phase, FaultRule fault, String reason) {
        Path dir = Outputs.dir("permanent/" + phase);
        try (SimSite site = SimSite.start(dir, b -> b.fault(fault))) {
            Runs.Finished run = Runs.run(
                    site,
                    dir,
                    SimSite.scenario("simple-vm-roundtrip"),
                    RunOptions.builder().timeout(Duration.ofSeconds(60)).build());

            assertThat(run.report().outcome())
                    .as(run.report().failureSummary().orElse(""))
                    .isEqualTo(RunOutcome.FAILED);
            PhaseResult failed = run.report().firstFailure().orElseThrow();
            assertThat(failed.name()).isEqualTo(phase);
            assertThat(failed.message()).contains(reason).doesNotContain("\n");
            if (!phase.equals("ensure_image")) {
                assertThat(failed.message()).as("names the VM").contains("99900");
            }
            assertThat(run.report().phase("destroy").orElseThrow().status()).isEqualTo(PhaseStatus.PASSED);
            assertThat(site.sim.vms()).isEmpty();
        }
    }

    @org.junit.jupiter.api.Test
    @DisplayName(
            "verify_ssh: the VM's SSH port never opens; the run fails after the 60 s wait naming the VM's address and why")
    void sshNeverOpens() {
        Path dir = Outputs.dir("permanent/verify_ssh");
        try (SimSite site = SimSite.start(
                dir,
                b -> b.fault(
                        FaultRule.builder(FaultKind.SSH_REFUSED).vmid(99900).build()))) {
            Runs.Finished run = Runs.run(
                    site,
                    dir,
                    SimSite.scenario("simple-vm-roundtrip"),
                    RunOptions.builder().timeout(Duration.ofSeconds(120)).build());

            assertThat(run.report().outcome())
                    .as(run.report().failureSummary().orElse(""))
                    .isEqualTo(RunOutcome.FAILED);
            PhaseResult failed = run.report().firstFailure().orElseThrow();
            assertThat(failed.name()).isEqualTo("verify_ssh");
            String address =
                    run.report().facts().get(dev.homestak.core.Facts.VM_IP).orElseThrow();
            assertThat(failed.message())
                    .contains("Timeout waiting for SSH on " + address)
                    .contains("cannot connect")
                    .doesNotContain("\n");
            assertThat(run.report().phase("destroy").orElseThrow().status()).isEqualTo(PhaseStatus.PASSED);
            assertThat(site.sim.vms()).isEmpty();
        }
    }

    @org.junit.jupiter.api.Test
    @DisplayName("the destroy itself fails for good: outcome CLEANUP_FAILED (exit code 3) and the leftover VM is named")
    void cleanupFails() {
        Path dir = Outputs.dir("permanent/destroy");
        try (SimSite site = SimSite.start(
                dir,
                b -> b.fault(FaultRule.builder(FaultKind.TASK_FAILURE)
                        .method("DELETE")
                        .path("/qemu/99900$")
                        .message("can't remove VM 99900 - storage busy")
                        .build()))) {
            Runs.Finished run = Runs.run(site, dir, SimSite.scenario("simple-vm-roundtrip"), RunOptions.defaults());

            assertThat(run.report().outcome()).isEqualTo(RunOutcome.CLEANUP_FAILED);
            assertThat(run.report().cleanup().remaining())
                    .singleElement()
                    .asString()
                    .contains("VM 99900 (test)");
            PhaseResult destroy = run.report().phase("destroy").orElseThrow();
            assertThat(destroy.status()).isEqualTo(PhaseStatus.FAILED);
            assertThat(destroy.message()).contains("99900").contains("storage busy");
            assertThat(site.sim.vm(99900)).as("the VM really is left").isPresent();
            assertThat(run.report().failureSummary())
                    .hasValueSatisfying(s -> assertThat(s).contains("destroy"));
        }
    }
}
