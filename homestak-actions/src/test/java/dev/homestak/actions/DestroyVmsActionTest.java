package dev.homestak.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homestak.core.Facts;
import dev.homestak.core.Key;
import dev.homestak.sim.FaultKind;
import dev.homestak.sim.FaultRule;
import dev.homestak.sim.Timing;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("DestroyVmsAction against the simulator: each selection, every VM tried, each failure named")
class DestroyVmsActionTest {

    private static final ProvisionedVm A = new ProvisionedVm("a", 99930);
    private static final ProvisionedVm B = new ProvisionedVm("b", 99931);
    private static final ProvisionedVm C = new ProvisionedVm("c", 99932);
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

    private ActionContext ctx() {
        return ctx(Facts.empty());
    }

    private ActionContext ctx(Facts facts) {
        return pve.ctx(facts).build();
    }

    @Nested
    @DisplayName("listed, whatever the names")
    class AnyName {

        /** A runs; B's delete task fails with {@code disk is busy}; C does not exist. */
        private void aRunningAndBBusy() {
            pve.createRunningVm(A.vmid(), "a");
            pve.createVm(B.vmid(), "b");
            pve.sim.inject(FaultRule.builder(FaultKind.TASK_FAILURE)
                    .method("DELETE")
                    .vmid(B.vmid())
                    .message("disk is busy")
                    .build());
        }

        @Test
        @DisplayName("a failing VM does not stop the others; its failure names the VM; a missing VM is absent")
        void triesAll() {
            aRunningAndBBusy();

            VmTeardown t = DestroyVmsAction.of(VmSelection.listed(List.of(A, B, C)))
                    .withMaxConcurrency(1)
                    .run(ctx())
                    .get();

            assertThat(t.destroyed()).containsExactly(A);
            assertThat(t.absent()).containsExactly(C);
            assertThat(t.destroyedLabels()).containsExactly("VM 99930 (a)");
            assertThat(t.ok()).isFalse();
            assertThat(t.failed()).singleElement().satisfies(f -> {
                assertThat(f.vm()).isEqualTo(B);
                assertThat(f.message()).startsWith("VM 99931 (b): ").contains("disk is busy");
            });
            assertThat(pve.sim.vms()).extracting(v -> v.vmid()).containsExactly(B.vmid());
        }

        @Test
        @DisplayName("no VMs is an empty teardown, and the PVE is not asked")
        void none() {
            DestroyVmsAction destroy = DestroyVmsAction.of(VmSelection.listed(List.of()));
            assertThat(destroy.run(ctx()).get()).isEqualTo(VmTeardown.none());
            assertThat(destroy.summary().run(ctx()).get().message()).isEqualTo("No VMs to destroy");
            assertThat(pve.sim.requests()).isEmpty();
        }

        @Test
        @DisplayName("the summary fails naming each VM that could not be removed and what was destroyed")
        void summaryFailure() {
            aRunningAndBBusy();

            ActionFailure f = DestroyVmsAction.of(VmSelection.listed(List.of(A, B)))
                    .summary()
                    .run(ctx())
                    .getLeft();

            assertThat(f.message())
                    .startsWith("VM 99931 (b): ")
                    .contains("disk is busy")
                    .endsWith(" (destroyed VM 99930 (a))");
        }
    }

    @Nested
    @DisplayName("with sameNameOnly")
    class SameNameOnly {

        @Test
        @DisplayName("a VM at the id under another name is refused and left; a VM not there is skipped")
        void refusesForeign() {
            pve.createVm(A.vmid(), "a");
            pve.createVm(B.vmid(), "handmade");

            VmTeardown t = DestroyVmsAction.of(VmSelection.listed(List.of(A, B, C)))
                    .withSameNameOnly()
                    .run(ctx())
                    .get();

            assertThat(t).isEqualTo(new VmTeardown(List.of(A), List.of(C), List.of(B), List.of()));
            assertThat(pve.sim.vms())
                    .singleElement()
                    .satisfies(vm -> assertThat(vm.name()).isEqualTo("handmade"));
        }

        @Test
        @DisplayName("a PVE that cannot be listed fails the whole action with the listing's reason")
        void unreachable() {
            pve.sim.inject(FaultRule.builder(FaultKind.HTTP_500)
                    .method("GET")
                    .path("/cluster/resources")
                    .message("cluster down")
                    .build());
            ActionFailure f = DestroyVmsAction.of(VmSelection.listed(List.of(A)))
                    .withSameNameOnly()
                    .run(ctx())
                    .getLeft();
            assertThat(f.message()).contains("cluster down");
        }
    }

    @Nested
    @DisplayName("byKey: the VM whose id is in a fact [DestroyVMAction, DestroyRemoteVMAction]")
    class ByKey {

        @Test
        @DisplayName("a running VM is stopped and deleted with purge; a missing VM is a success")
        void destroy() {
            pve.createRunningVm(99900, "test");
            Facts facts = Facts.empty().with(TEST_VM, 99900);
            Action<ActionResult> destroy =
                    DestroyVmsAction.of(VmSelection.byKey(TEST_VM)).summary();
            assertThat(destroy.run(ctx(facts)).get().message()).isEqualTo("VM 99900 destroyed");
            assertThat(pve.sim.vm(99900)).isEmpty();
            assertThat(pve.sim.requests()).anySatisfy(req -> {
                assertThat(req.method()).isEqualTo("DELETE");
                assertThat(req.path()).endsWith("/qemu/99900");
                assertThat(req.params()).containsEntry("purge", "1");
            });
            assertThat(destroy.run(ctx(facts)).get().message()).isEqualTo("VM 99900 does not exist");
        }

        @Test
        @DisplayName("the teardown names the VM after its key")
        void teardown() {
            pve.createVm(99900, "test");
            VmTeardown t = DestroyVmsAction.of(VmSelection.byKey(TEST_VM))
                    .run(ctx(Facts.empty().with(TEST_VM, 99900)))
                    .get();
            assertThat(t.destroyedLabels()).containsExactly("VM 99900 (test_vm_id)");
        }

        @Test
        @DisplayName("a missing id fact fails with the original's message; bestEffort turns it into a skip")
        void missingId() {
            DestroyVmsAction destroy = DestroyVmsAction.of(VmSelection.byKey(TEST_VM));
            assertThat(destroy.summary().run(ctx()).getLeft().message()).isEqualTo("No test_vm_id in context");
            assertThat(destroy.bestEffort().run(ctx()).get().message())
                    .isEqualTo("Skipped destroying test_vm_id: No test_vm_id in context");
        }

        @Test
        @DisplayName("the remote (best-effort) destroy succeeds, saying what it skipped, when there is no nested PVE")
        void remoteBestEffort() {
            ActionResult r = DestroyVmsAction.of(VmSelection.byKey(ActionKeys.TEST_VM_ID))
                    .withTarget(PveTarget.nested())
                    .bestEffort()
                    .run(ctx(Facts.empty().with(ActionKeys.TEST_VM_ID, 100)))
                    .get();
            assertThat(r.message()).isEqualTo("Skipped destroying test_vm_id: No inner_ip in context");
        }

        @Test
        @DisplayName("sameNameOnly is refused: a VM id in a fact has no expected name")
        void noSameNameOnly() {
            DestroyVmsAction destroy = DestroyVmsAction.of(VmSelection.byKey(TEST_VM));
            assertThatThrownBy(destroy::withSameNameOnly)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("sameNameOnly");
        }
    }

    @Nested
    @DisplayName("provisioned: the VMs of provisioned_vms")
    class Provisioned {

        @Test
        @DisplayName("destroys the VMs of the fact; the summary lists what was removed on the node")
        void destroysTheFact() {
            pve.createRunningVm(A.vmid(), "a");
            pve.createVm(B.vmid(), "b");
            pve.createVm(C.vmid(), "c");
            Facts facts = Facts.empty().with(ActionKeys.PROVISIONED_VMS, List.of(A, B));

            ActionResult r = DestroyVmsAction.of(VmSelection.provisioned())
                    .summary()
                    .run(ctx(facts))
                    .get();

            assertThat(r.message()).isEqualTo("Destroyed VM 99930 (a), VM 99931 (b) on pve");
            assertThat(pve.sim.vms()).extracting(v -> v.vmid()).containsExactly(C.vmid());
        }

        @Test
        @DisplayName("without the fact it fails with the original's message; an empty fact has nothing to destroy")
        void missingOrEmpty() {
            Action<ActionResult> destroy =
                    DestroyVmsAction.of(VmSelection.provisioned()).summary();
            assertThat(destroy.run(ctx()).getLeft().message()).isEqualTo("No provisioned_vms in context");
            assertThat(destroy.run(ctx(Facts.empty().with(ActionKeys.PROVISIONED_VMS, List.of())))
                            .get()
                            .message())
                    .isEqualTo("No VMs to destroy");
        }
    }

    @Nested
    @DisplayName("discovered: the VMs of discovered_vms [DestroyDiscoveredVMsAction]")
    class Discovered {

        @Test
        @DisplayName("each VM is destroyed on the node it was found on; one already gone does not exist")
        void destroysEachOnItsNode() {
            pve.createRunningVm(99801, "nested-pve-1");
            Facts facts = Facts.empty()
                    .with(
                            ActionKeys.DISCOVERED_VMS,
                            List.of(
                                    new DiscoveredVm(99801, "nested-pve-1", "running", "pve", List.of()),
                                    new DiscoveredVm(99802, "nested-pve-2", "stopped", "", List.of())));

            ActionResult r = DestroyVmsAction.of(VmSelection.discovered())
                    .summary()
                    .run(ctx(facts))
                    .get();

            assertThat(r.message()).isEqualTo("Destroyed 2 VMs: VM 99801 destroyed; VM 99802 does not exist");
            assertThat(pve.sim.vms()).isEmpty();
        }

        @Test
        @DisplayName("an empty discovery has nothing to destroy and asks no PVE")
        void empty() {
            ActionResult r = DestroyVmsAction.of(VmSelection.discovered())
                    .summary()
                    .run(ctx(Facts.empty().with(ActionKeys.DISCOVERED_VMS, List.of())))
                    .get();
            assertThat(r.message()).isEqualTo("No VMs to destroy");
            assertThat(pve.sim.requests()).isEmpty();
        }
    }

    @Test
    @DisplayName("ProvisionedVm.from reads provisioned_vms and says what is wrong with a bad entry")
    void provisionedVmFrom() {
        Facts good = Facts.empty().with(ActionKeys.PROVISIONED_VMS, List.of(A, B));
        assertThat(ProvisionedVm.from(good).get()).containsExactly(A, B);
        assertThat(ProvisionedVm.from(Facts.empty()).getLeft().message()).isEqualTo("No provisioned_vms in context");
        Facts bad = Facts.fromMap(Map.of(ActionKeys.PROVISIONED_VMS.name(), List.of(Map.of("name", "x"))));
        assertThat(ProvisionedVm.from(bad).getLeft().message())
                .isEqualTo("provisioned_vms has an entry without a name and a numeric vmid: {name=x}");
    }
}
