package dev.homestak.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.core.Facts;
import dev.homestak.core.Key;
import dev.homestak.proxmox.ProxmoxFailure;
import dev.homestak.sim.FaultKind;
import dev.homestak.sim.FaultRule;
import dev.homestak.sim.PowerState;
import dev.homestak.sim.Timing;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Proxmox actions against the simulator (real HTTPS)")
class ProxmoxActionsTest {

    private static final Key<Integer> TEST_VM = Facts.vmIdKey("test");

    @TempDir
    Path tmp;

    private SimHost pve;

    @BeforeEach
    void start() throws Exception {
        pve = SimHost.start(tmp, Timing.instant());
    }

    @AfterEach
    void stop() {
        pve.close();
    }

    private ActionContext ctx(Facts facts) {
        return pve.ctx(facts).build();
    }

    @Nested
    @DisplayName("StartVmAction")
    class Start {

        @Test
        @DisplayName("starts the VM whose id is in the fact and awaits the start task")
        void starts() {
            pve.createVm(99900, "test");
            ActionResult r = StartVmAction.of(TEST_VM)
                    .run(ctx(Facts.empty().with(TEST_VM, 99900)))
                    .get();
            assertThat(r.message()).isEqualTo("VM 99900 started");
            assertThat(pve.vm(99900).status()).isEqualTo(PowerState.RUNNING);
        }

        @Test
        @DisplayName("leaves a running VM as it is")
        void alreadyRunning() {
            pve.createRunningVm(99900, "test");
            assertThat(StartVmAction.of(TEST_VM)
                            .run(ctx(Facts.empty().with(TEST_VM, 99900)))
                            .get()
                            .message())
                    .isEqualTo("VM 99900 already running");
        }

        @Test
        @DisplayName("takes the VM id from the host config when no fact has it (facts first, then host config)")
        void hostConfigFallback() {
            pve.createVm(99800, "nested-pve");
            ActionContext c = pve.ctx(Facts.empty())
                    .host(pve.host.toBuilder()
                            .siteDefaults(Map.of("inner_vm_id", 99800))
                            .build())
                    .build();
            assertThat(StartVmAction.of(ActionKeys.INNER_VM_ID).run(c).get().message())
                    .isEqualTo("VM 99800 started");
        }

        @Test
        @DisplayName("fails with PVE's reason when the VM does not exist")
        void missingVm() {
            ActionFailure f = StartVmAction.of(TEST_VM)
                    .run(ctx(Facts.empty().with(TEST_VM, 99999)))
                    .getLeft();
            assertThat(f).isInstanceOf(ActionFailure.Api.class);
            assertThat(((ActionFailure.Api) f).cause()).isInstanceOf(ProxmoxFailure.NotFound.class);
            assertThat(f.message()).contains("/qemu/99999/").contains("does not exist");
        }

        @Test
        @DisplayName("fails with the original's message when the VM id is in neither facts nor host config")
        void missingFact() {
            assertThat(StartVmAction.of(TEST_VM)
                            .run(ctx(Facts.empty()))
                            .getLeft()
                            .message())
                    .isEqualTo("No test_vm_id in context");
        }

        @Test
        @DisplayName("fails with a one-line config message when the host has no token")
        void noToken() {
            ActionContext c = pve.ctx(Facts.empty().with(TEST_VM, 99900))
                    .host(pve.host.toBuilder()
                            .apiToken(java.util.Optional.empty())
                            .build())
                    .build();
            assertThat(StartVmAction.of(TEST_VM).run(c).getLeft().message())
                    .contains("'api_tokens.pve' is not set, but node 'pve' needs it")
                    .doesNotContain("\n");
        }
    }

    @Nested
    @DisplayName("WaitForGuestAgentAction")
    class WaitForAgent {

        @Test
        @DisplayName("writes the address the guest agent reports to ip_context_key")
        void writesIp() {
            pve.createRunningVm(99800, "nested-pve");
            Key<Integer> id = Facts.vmIdKey("nested-pve");
            ActionResult r = WaitForGuestAgentAction.of(id, Facts.INNER_IP)
                    .run(ctx(Facts.empty().with(id, 99800)))
                    .get();
            String address = pve.vm(99800).address();
            assertThat(r.message()).isEqualTo("VM 99800 has IP: " + address);
            assertThat(r.facts().get(Facts.INNER_IP)).contains(address);
        }

        @Test
        @DisplayName("times out with a message naming the VM id when the agent never answers")
        void agentNeverReady() {
            pve.sim.inject(
                    FaultRule.builder(FaultKind.AGENT_NEVER_READY).vmid(99900).build());
            pve.createRunningVm(99900, "test");
            long started = System.nanoTime();
            ActionFailure f = WaitForGuestAgentAction.of(TEST_VM, Facts.VM_IP)
                    .withTimeout(Duration.ofMillis(800))
                    .run(ctx(Facts.empty().with(TEST_VM, 99900)))
                    .getLeft();
            assertThat(f).isInstanceOf(ActionFailure.Timeout.class);
            assertThat(f.message())
                    .startsWith("Timeout waiting for the guest agent IP of VM 99900 after 800ms")
                    .contains("QEMU guest agent is not running");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }

        @Test
        @DisplayName("fails at once when the VM has no guest agent configured")
        void noAgent() {
            pve.api()
                    .node("pve")
                    .qemu()
                    .create(dev.homestak.proxmox.model.CreateVmRequest.builder(99901)
                            .name("bare")
                            .build())
                    .flatMap(t -> t.await(Duration.ofSeconds(10)))
                    .get();
            pve.api()
                    .node("pve")
                    .qemu(99901)
                    .status()
                    .start()
                    .flatMap(t -> t.await(Duration.ofSeconds(10)))
                    .get();
            Key<Integer> id = Facts.vmIdKey("bare");
            ActionFailure f = WaitForGuestAgentAction.of(id, Facts.VM_IP)
                    .run(ctx(Facts.empty().with(id, 99901)))
                    .getLeft();
            assertThat(f.message()).contains("No QEMU guest agent configured");
        }

        @Test
        @DisplayName("timeout(...) stops the poll: the call returns at the limit, not at the action's own deadline")
        void timeoutCombinatorStopsPolling() {
            pve.sim.inject(
                    FaultRule.builder(FaultKind.AGENT_NEVER_READY).vmid(99900).build());
            pve.createRunningVm(99900, "test");
            long started = System.nanoTime();
            Either<ActionFailure, ActionResult> r = WaitForGuestAgentAction.of(TEST_VM, Facts.VM_IP)
                    .timeout(Duration.ofMillis(300))
                    .run(ctx(Facts.empty().with(TEST_VM, 99900)));
            assertThat(r.getLeft().message()).isEqualTo("Timeout wait for the IP of VM test_vm_id after 300ms");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Nested
    @DisplayName("StopVmAction")
    class Stop {

        @Test
        @DisplayName("stop: a running VM is stopped; stopped and missing VMs are successes")
        void stop() {
            pve.createRunningVm(99900, "test");
            Facts facts = Facts.empty().with(TEST_VM, 99900);
            assertThat(StopVmAction.of(TEST_VM).run(ctx(facts)).get().message()).isEqualTo("VM 99900 stopped");
            assertThat(pve.vm(99900).status()).isEqualTo(PowerState.STOPPED);
            assertThat(StopVmAction.of(TEST_VM).run(ctx(facts)).get().message()).isEqualTo("VM 99900 already stopped");
            assertThat(StopVmAction.of(TEST_VM)
                            .run(ctx(Facts.empty().with(TEST_VM, 99977)))
                            .get()
                            .message())
                    .isEqualTo("VM 99977 does not exist");
        }
    }

    @Nested
    @DisplayName("DiscoverVmsAction, and DestroyVmsAction of the discovered VMs")
    class Discovery {

        @Test
        @DisplayName("finds VMs by name pattern AND id range AND tag, with their tags, and destroys exactly those")
        void discoverAndDestroy() {
            pve.createRunningVm(99801, "nested-pve-1", "tags", "homestak;run-42");
            pve.createVm(99802, "nested-pve-2", "tags", "homestak;run-7");
            pve.createVm(99803, "test", "tags", "run-42");
            pve.createVm(200, "nested-pve-old", "tags", "run-42");

            ActionResult all = DiscoverVmsAction.of().run(ctx(Facts.empty())).get();
            assertThat(all.facts().asMap().get(ActionKeys.DISCOVERED_VMS.name()))
                    .isEqualTo(List.of(
                            Map.of(
                                    "vmid",
                                    99801,
                                    "name",
                                    "nested-pve-1",
                                    "status",
                                    "running",
                                    "node",
                                    "pve",
                                    "tags",
                                    List.of("homestak", "run-42")),
                            Map.of(
                                    "vmid",
                                    99802,
                                    "name",
                                    "nested-pve-2",
                                    "status",
                                    "stopped",
                                    "node",
                                    "pve",
                                    "tags",
                                    List.of("homestak", "run-7"))));

            ActionResult tagged = DiscoverVmsAction.of()
                    .withTag("run-42")
                    .run(ctx(Facts.empty()))
                    .get();
            assertThat(tagged.message())
                    .isEqualTo("Discovered 1 VMs matching 'nested-pve*' in 99800-99999 tagged run-42: "
                            + "[nested-pve-1 (99801)]");

            ActionResult destroyed = DestroyVmsAction.of(VmSelection.discovered())
                    .summary()
                    .run(ctx(tagged.facts()))
                    .get();
            assertThat(destroyed.message()).isEqualTo("Destroyed 1 VMs: VM 99801 destroyed");
            assertThat(pve.sim.vms()).extracting(v -> v.vmid()).containsExactlyInAnyOrder(200, 99802, 99803);
        }

        @Test
        @DisplayName("fnmatch patterns: *, ? and [..] as in Python")
        void glob() {
            assertThat(DiscoverVmsAction.glob("child-pve*")
                            .matcher("child-pve-3")
                            .matches())
                    .isTrue();
            assertThat(DiscoverVmsAction.glob("vm-?").matcher("vm-10").matches())
                    .isFalse();
            assertThat(DiscoverVmsAction.glob("vm-[12]").matcher("vm-2").matches())
                    .isTrue();
            assertThat(DiscoverVmsAction.glob("vm-[!12]").matcher("vm-2").matches())
                    .isFalse();
            assertThat(DiscoverVmsAction.glob("a.b").matcher("axb").matches()).isFalse();
        }
    }

    @Nested
    @DisplayName("faults injected by the simulator")
    class Faults {

        @Test
        @DisplayName("a failed start task surfaces as the task's failure with its exit status")
        void taskFailure() {
            pve.createVm(99900, "test");
            pve.sim.inject(FaultRule.builder(FaultKind.TASK_FAILURE)
                    .method("POST")
                    .path("/status/start$")
                    .message("start failed: QEMU exited with code 1")
                    .build());
            ActionFailure f = StartVmAction.of(TEST_VM)
                    .run(ctx(Facts.empty().with(TEST_VM, 99900)))
                    .getLeft();
            assertThat(((ActionFailure.Api) f).cause()).isInstanceOf(ProxmoxFailure.TaskFailed.class);
            assertThat(f.message())
                    .isEqualTo("task qmstart 99900 on pve failed: start failed: QEMU exited with code 1");
        }

        @Test
        @DisplayName("a 503 on the start call is retried by the client and the VM starts")
        void transientRetried() {
            pve.createVm(99900, "test");
            pve.sim.inject(FaultRule.builder(FaultKind.HTTP_503)
                    .method("POST")
                    .path("/status/start$")
                    .nth(1)
                    .build());
            assertThat(StartVmAction.of(TEST_VM)
                            .run(ctx(Facts.empty().with(TEST_VM, 99900)))
                            .get()
                            .message())
                    .isEqualTo("VM 99900 started");
            assertThat(pve.sim.faultCount(FaultKind.HTTP_503)).isEqualTo(1);
        }

        @Test
        @DisplayName(
                "a stop whose answer is lost is not blindly resent: the state is re-read, then the stop sent once more")
        void lostStopAnswerReread() {
            pve.createRunningVm(99900, "test");
            pve.sim.inject(FaultRule.builder(FaultKind.CONNECTION_RESET)
                    .method("POST")
                    .path("/status/stop$")
                    .nth(1)
                    .build());
            StopVmAction stop = new StopVmAction(TEST_VM, PveTarget.host(), Duration.ofSeconds(2));

            ActionResult r = stop.run(ctx(Facts.empty().with(TEST_VM, 99900))).get();

            assertThat(r.message()).isEqualTo("VM 99900 stopped");
            assertThat(pve.vm(99900).status()).isEqualTo(PowerState.STOPPED);
            assertThat(pve.sim.faultCount(FaultKind.CONNECTION_RESET)).isEqualTo(1);
            long stops = pve.sim.requests().stream()
                    .filter(q -> q.method().equals("POST") && q.path().endsWith("/status/stop"))
                    .count();
            long statusReads = pve.sim.requests().stream()
                    .filter(q -> q.path().endsWith("/status/current"))
                    .count();
            assertThat(stops).as("the stop is sent again only after re-reading").isEqualTo(2);
            assertThat(statusReads).as("state re-read between the two stops").isGreaterThanOrEqualTo(2);
        }

        @Test
        @DisplayName("a destroy whose answer is lost still ends with the VM gone, and no VM is leaked")
        void lostDestroyAnswer() {
            pve.createVm(99900, "test");
            pve.sim.inject(FaultRule.builder(FaultKind.CONNECTION_RESET)
                    .method("DELETE")
                    .vmid(99900)
                    .nth(1)
                    .build());
            Action<ActionResult> destroy =
                    DestroyVmsAction.of(VmSelection.byKey(TEST_VM)).summary();

            assertThat(destroy.run(ctx(Facts.empty().with(TEST_VM, 99900)))
                            .get()
                            .message())
                    .isEqualTo("VM 99900 destroyed");
            assertThat(pve.sim.vms()).isEmpty();
        }

        @Test
        @DisplayName("a lock timeout on destroy that outlasts the retries names the lock")
        void lockTimeout() {
            pve.createVm(99900, "test");
            pve.sim.inject(FaultRule.builder(FaultKind.LOCK_TIMEOUT)
                    .method("DELETE")
                    .vmid(99900)
                    .build());
            ActionFailure f = DestroyVmsAction.of(VmSelection.byKey(TEST_VM))
                    .summary()
                    .run(ctx(Facts.empty().with(TEST_VM, 99900)))
                    .getLeft();
            assertThat(((ActionFailure.Api) f).cause()).isInstanceOf(ProxmoxFailure.LockTimeout.class);
            assertThat(f.message()).contains("lock-99900.conf").contains("got timeout");
        }
    }
}
