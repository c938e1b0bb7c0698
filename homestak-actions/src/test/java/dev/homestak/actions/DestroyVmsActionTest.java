package dev.homestak.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.core.Facts;
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

@DisplayName("DestroyVmsAction against the simulator: every VM tried, each failure named")
class DestroyVmsActionTest {

    private static final ProvisionedVm A = new ProvisionedVm("a", 99930);
    private static final ProvisionedVm B = new ProvisionedVm("b", 99931);
    private static final ProvisionedVm C = new ProvisionedVm("c", 99932);

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
        return pve.ctx(Facts.empty()).build();
    }

    @Nested
    @DisplayName("whatever the names")
    class AnyName {

        @Test
        @DisplayName(
                "a failing VM does not stop the others; its failure names the VM; a missing VM counts as destroyed")
        void triesAll() {
            pve.createRunningVm(A.vmid(), "a");
            pve.createVm(B.vmid(), "b");
            pve.sim.inject(FaultRule.builder(FaultKind.TASK_FAILURE)
                    .method("DELETE")
                    .vmid(B.vmid())
                    .message("disk is busy")
                    .build());

            VmTeardown t = DestroyVmsAction.of(List.of(A, B, C))
                    .withMaxConcurrency(1)
                    .run(ctx())
                    .get();

            assertThat(t.destroyed()).containsExactly(A, C);
            assertThat(t.destroyedLabels()).containsExactly("VM 99930 (a)", "VM 99932 (c)");
            assertThat(t.ok()).isFalse();
            assertThat(t.failed()).singleElement().satisfies(f -> {
                assertThat(f.vm()).isEqualTo(B);
                assertThat(f.message()).startsWith("VM 99931 (b): ").contains("disk is busy");
            });
            assertThat(pve.sim.vms()).extracting(v -> v.vmid()).containsExactly(B.vmid());
        }

        @Test
        @DisplayName("no VMs is an empty teardown")
        void none() {
            assertThat(DestroyVmsAction.of(List.of()).run(ctx()).get())
                    .isEqualTo(new VmTeardown(List.of(), List.of(), List.of()));
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

            VmTeardown t = DestroyVmsAction.of(List.of(A, B, C))
                    .withSameNameOnly()
                    .run(ctx())
                    .get();

            assertThat(t).isEqualTo(new VmTeardown(List.of(A), List.of(B), List.of()));
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
            ActionFailure f = DestroyVmsAction.of(List.of(A))
                    .withSameNameOnly()
                    .run(ctx())
                    .getLeft();
            assertThat(f.message()).contains("cluster down");
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
