package dev.homestak.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.scenarios.RunOptions;
import dev.homestak.scenarios.RunOutcome;
import dev.homestak.sim.FaultKind;
import dev.homestak.sim.FaultRule;
import dev.homestak.sim.Timing;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Two runs at once against one simulated host. */
@Order(60)
@DisplayName("concurrency: two runs at once on one host")
class ConcurrencyTest {

    private static RunOptions env(String name) {
        return RunOptions.builder().env(name).build();
    }

    @Test
    @DisplayName("two different envs at once: both pass, each removes only its own VM, nothing is left")
    void differentEnvs() throws Exception {
        Path dir = Outputs.dir("concurrency/different");
        try (SimSite site = SimSite.start(dir, b -> b.timing(Timing.realistic().withSpeedFactor(0.02)))) {
            // the shared image first: two ensure_image phases racing for it is RegressionTest.imageDownloadRace (fixed)
            assertThat(Runs.run(site, dir.resolve("warm"), SimSite.scenario("simple-vm-roundtrip"), env("test"))
                            .report()
                            .outcome())
                    .isEqualTo(RunOutcome.PASSED);
            var a = together(
                    () -> Runs.run(site, dir.resolve("test"), SimSite.scenario("simple-vm-roundtrip"), env("test")));
            var b = together(
                    () -> Runs.run(site, dir.resolve("other"), SimSite.scenario("simple-vm-roundtrip"), env("other")));

            assertThat(a.get(120, TimeUnit.SECONDS).report().outcome()).isEqualTo(RunOutcome.PASSED);
            assertThat(b.get(120, TimeUnit.SECONDS).report().outcome()).isEqualTo(RunOutcome.PASSED);
            assertThat(site.sim.vms()).isEmpty();
            assertThat(site.sim.tasks())
                    .filteredOn(t -> t.toString().contains("qmdestroy"))
                    .hasSize(3);
        }
    }

    @Test
    @DisplayName("the same env twice at once: the second refuses (VM id in use / run lock) and the first still passes")
    void sameEnv() throws Exception {
        Path dir = Outputs.dir("concurrency/same");
        try (SimSite site = SimSite.start(dir, b -> b.timing(Timing.realistic().withSpeedFactor(0.02)))) {
            assertThat(Runs.run(site, dir.resolve("warm"), SimSite.scenario("simple-vm-roundtrip"), env("test"))
                            .report()
                            .outcome())
                    .isEqualTo(RunOutcome.PASSED);
            var first = together(
                    () -> Runs.run(site, dir.resolve("first"), SimSite.scenario("simple-vm-roundtrip"), env("test")));
            var second = together(
                    () -> Runs.run(site, dir.resolve("second"), SimSite.scenario("simple-vm-roundtrip"), env("test")));

            Runs.Finished one = first.get(120, TimeUnit.SECONDS);
            Runs.Finished two = second.get(120, TimeUnit.SECONDS);

            assertThat(java.util.List.of(one.report().outcome(), two.report().outcome()))
                    .containsExactlyInAnyOrder(RunOutcome.PASSED, RunOutcome.FAILED);
            Runs.Finished refused = one.report().outcome() == RunOutcome.FAILED ? one : two;
            assertThat(refused.report().firstFailure().orElseThrow().message())
                    .containsAnyOf("in use", "lock", "already");
            assertThat(site.sim.vms()).isEmpty();
        }
    }

    @Test
    @DisplayName(
            "a two-VM env whose second create is refused while the first is still being created: FAILED, cleanup waits for the create, 0 VMs of the run left")
    void failsPartWayWithCreatesInFlight() throws Exception {
        Path dir = Outputs.dir("concurrency/part-way");
        // slow enough that the first VM's create task is still running when the second is refused
        try (SimSite site = SimSite.start(dir, b -> b.timing(Timing.realistic().withSpeedFactor(0.1)))) {
            assertThat(Runs.run(site, dir.resolve("warm"), SimSite.scenario("simple-vm-roundtrip"), env("test"))
                            .report()
                            .outcome())
                    .isEqualTo(RunOutcome.PASSED);
            site.clients
                    .forHost(site.host)
                    .get()
                    .node(site.sim.node())
                    .qemu()
                    .create(dev.homestak.proxmox.model.CreateVmRequest.builder(99911)
                            .name("handmade")
                            .build())
                    .flatMap(t -> t.await(java.time.Duration.ofSeconds(30)))
                    .get();

            Runs.Finished run =
                    Runs.run(site, dir.resolve("pair"), SimSite.scenario("simple-vm-roundtrip"), env("pair"));

            assertThat(run.report().outcome())
                    .as(run.report().failureSummary().orElse(""))
                    .isEqualTo(RunOutcome.FAILED);
            assertThat(run.report().firstFailure().orElseThrow().message()).contains("99911", "handmade");
            assertThat(site.sim.vms()).extracting(v -> v.vmid()).containsExactly(99911);
        }
    }

    @Test
    @DisplayName(
            "two two-VM envs sharing a VM id, run at once twice: one fails part-way, no run ends CLEANUP_FAILED, 0 VMs left")
    void overlappingEnvsAtOnce() throws Exception {
        Path dir = Outputs.dir("concurrency/overlap");
        try (SimSite site = SimSite.start(dir, b -> b.timing(Timing.realistic().withSpeedFactor(0.1)))) {
            java.nio.file.Files.writeString(
                    site.root.resolve("site-config/envs/overlap.yaml"),
                    "vmid_base: 99911\nvms:\n  - name: first\n    template: test\n  - name: second\n    template: test\n");
            assertThat(Runs.run(site, dir.resolve("warm"), SimSite.scenario("simple-vm-roundtrip"), env("test"))
                            .report()
                            .outcome())
                    .isEqualTo(RunOutcome.PASSED);
            for (int round = 0; round < 2; round++) {
                Path r = dir.resolve("round-" + round);
                var pair = together(
                        () -> Runs.run(site, r.resolve("pair"), SimSite.scenario("simple-vm-roundtrip"), env("pair")));
                var overlap = together(() ->
                        Runs.run(site, r.resolve("overlap"), SimSite.scenario("simple-vm-roundtrip"), env("overlap")));

                for (Runs.Finished run :
                        java.util.List.of(pair.get(120, TimeUnit.SECONDS), overlap.get(120, TimeUnit.SECONDS))) {
                    assertThat(run.report().outcome())
                            .as(
                                    "round %d: %s",
                                    round, run.report().failureSummary().orElse(""))
                            .isIn(RunOutcome.PASSED, RunOutcome.FAILED);
                }
                assertThat(site.sim.vms()).as("VMs left after round %d", round).isEmpty();
            }
        }
    }

    @Test
    @DisplayName("a destroy that meets a VM locked by its create task waits for the task, then destroys the VM")
    void destroyWaitsForLock() throws Exception {
        Path dir = Outputs.dir("concurrency/locked");
        // real durations: the create (3 s) outlasts the client's retries of "VM is locked" (about 1 s)
        try (SimSite site = SimSite.start(dir, b -> b.timing(Timing.realistic()))) {
            site.clients
                    .forHost(site.host)
                    .get()
                    .node(site.sim.node())
                    .qemu()
                    .create(dev.homestak.proxmox.model.CreateVmRequest.builder(99930)
                            .name("slow")
                            .build())
                    .get();
            assertThat(site.sim.vm(99930).orElseThrow().lock()).contains("create");

            var destroyed = dev.homestak.actions.DestroyVmsAction.of(dev.homestak.actions.VmSelection.listed(
                            java.util.List.of(new dev.homestak.actions.ProvisionedVm("slow", 99930))))
                    .run(site.context());

            assertThat(destroyed.isRight())
                    .as(destroyed.<String>fold(f -> f.message(), t -> "ok"))
                    .isTrue();
            assertThat(destroyed.get().ok()).isTrue();
            assertThat(site.sim.vms()).isEmpty();
        }
    }

    @Test
    @DisplayName("a destroy that meets a VM whose start was still in flight stops the VM, then destroys it")
    void destroyAfterStartInFlight() throws Exception {
        Path dir = Outputs.dir("concurrency/starting");
        // the start task ends (0.5 s) while the DELETE is held back (2 s): PVE then answers "VM is running"
        try (SimSite site = SimSite.start(dir, b -> b.timing(Timing.realistic().withSpeedFactor(0.25)))) {
            var node = site.clients.forHost(site.host).get().node(site.sim.node());
            node.qemu()
                    .create(dev.homestak.proxmox.model.CreateVmRequest.builder(99931)
                            .name("starting")
                            .build())
                    .flatMap(task -> task.await(java.time.Duration.ofSeconds(30)))
                    .get();
            site.sim.inject(FaultRule.builder(FaultKind.SLOW_RESPONSE)
                    .method("DELETE")
                    .path("/qemu/99931$")
                    .nth(1)
                    .delay(java.time.Duration.ofSeconds(2))
                    .build());
            node.qemu(99931).status().start().get();
            assertThat(site.sim.vm(99931).orElseThrow().status())
                    .as("the start task is still in flight")
                    .isEqualTo(dev.homestak.sim.PowerState.STOPPED);

            var destroyed = dev.homestak.actions.DestroyVmsAction.of(dev.homestak.actions.VmSelection.listed(
                            java.util.List.of(new dev.homestak.actions.ProvisionedVm("starting", 99931))))
                    .run(site.context());

            assertThat(destroyed.isRight())
                    .as(destroyed.<String>fold(f -> f.message(), t -> "ok"))
                    .isTrue();
            assertThat(destroyed.get().ok())
                    .as(destroyed.get().failed().toString())
                    .isTrue();
            assertThat(site.sim.vms()).isEmpty();
        }
    }

    private final CyclicBarrier start = new CyclicBarrier(2);

    /**
     * Runs on its own thread (the common pool has one thread on a 2-core machine, which would run the two
     * "concurrent" runs one after the other) and starts only when the other run starts too.
     */
    private <T> CompletableFuture<T> together(Supplier<T> run) {
        Executor own = task -> Thread.ofPlatform().daemon().start(task);
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        start.await(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException("the other run never started", e);
                    }
                    return run.get();
                },
                own);
    }
}
