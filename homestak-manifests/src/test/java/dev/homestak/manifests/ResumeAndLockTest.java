package dev.homestak.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.core.manifest.Manifest;
import dev.homestak.sim.PowerState;
import dev.homestak.sim.VmView;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("state, resume, plan and lock")
class ResumeAndLockTest {

    @TempDir
    Path dir;

    SimDeploy site;

    @AfterEach
    void stop() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    @DisplayName("plan says replace (stopped) and replace (missing); apply repairs exactly those nodes")
    void repairsDrift() throws Exception {
        site = SimDeploy.start(dir);
        ManifestRunner runner = site.runner();
        Manifest m = site.flat("drift", 3, 99700);
        assertThat(runner.run(Verb.APPLY, m, ManifestOptions.defaults()).get().success())
                .isTrue();
        stopVm(99701);
        deleteVm(99702);

        Plan plan = runner.plan(m).get();

        assertThat(plan.node("node1").orElseThrow().label()).isEqualTo("replace (stopped)");
        assertThat(plan.node("node2").orElseThrow().label()).isEqualTo("replace (missing)");
        assertThat(plan.node("node3").orElseThrow().label()).isEqualTo("keep");
        assertThat(plan.render()).contains("Plan: 0 to create, 2 to replace, 1 to keep, 0 to destroy");
        ManifestResult r = runner.run(Verb.APPLY, m, ManifestOptions.defaults()).get();
        assertThat(r.success()).as(r.report().failureSummary().orElse("")).isTrue();
        assertThat(r.report().phase("node1/remove")).isPresent();
        assertThat(r.report().phase("node3/keep")).isPresent();
        assertThat(site.sim.vms()).hasSize(3).allMatch(vm -> vm.status() == PowerState.RUNNING);
        assertThat(runner.plan(m).get().upToDate()).isTrue();
    }

    @Test
    @DisplayName("a node no longer in the manifest is destroyed by apply; plan says why")
    void removedNode() {
        site = SimDeploy.start(dir);
        ManifestRunner runner = site.runner();
        assertThat(runner.run(Verb.APPLY, site.flat("shrink", 2, 99750), ManifestOptions.defaults())
                        .get()
                        .success())
                .isTrue();
        Manifest smaller = site.flat("shrink", 1, 99750);

        Plan plan = runner.plan(smaller).get();
        ManifestResult r =
                runner.run(Verb.APPLY, smaller, ManifestOptions.defaults()).get();

        assertThat(plan.node("node2").orElseThrow().label()).isEqualTo("destroy (no longer in the manifest)");
        assertThat(r.success()).isTrue();
        assertThat(site.sim.vms()).extracting(VmView::vmid).containsExactly(99751);
    }

    @Test
    @DisplayName("without any state, destroy finds the deployment's VMs by their tag")
    void destroyWithoutState() throws Exception {
        site = SimDeploy.start(dir);
        ManifestRunner runner = site.runner();
        Manifest m = site.flat("lost", 2, 99800);
        assertThat(runner.run(Verb.APPLY, m, ManifestOptions.defaults()).get().success())
                .isTrue();
        Files.delete(dir.resolve("state/sim/lost.json"));
        Manifest other = site.flat("lost", 1, 99800);

        ManifestResult r =
                runner.run(Verb.DESTROY, other, ManifestOptions.defaults()).get();

        assertThat(r.success()).isTrue();
        assertThat(r.nodes()).extracting(NodeResult::name).containsExactly("node1", "node2");
        assertThat(site.sim.vms()).isEmpty();
    }

    @Test
    @DisplayName("homestak cleanup's discovery (Leftovers, by the homestak tag) finds the deployment's VMs")
    void cleanupFindsThem() {
        site = SimDeploy.start(dir);
        assertThat(site.runner()
                        .run(Verb.APPLY, site.flat("leftover", 2, 99850), ManifestOptions.defaults())
                        .get()
                        .success())
                .isTrue();

        var found = dev.homestak.scenarios.Leftovers.discover(java.util.Optional.empty())
                .run(site.context())
                .get();

        assertThat(found).extracting(dev.homestak.scenarios.LeftoverVm::vmid).containsExactlyInAnyOrder(99851, 99852);
    }

    @Test
    @DisplayName("a second apply while one holds the deployment refuses, naming the holder")
    void locked() {
        site = SimDeploy.start(dir);
        Manifest m = site.manifest("n1-push");
        StateStore store = StateStore.at(dir.resolve("state"));
        try (StateLock held =
                store.lock(new Deployment("n1-push", "sim"), "apply").get()) {
            var refused = site.runner().start(Verb.APPLY, m, ManifestOptions.defaults());
            assertThat(refused.isLeft()).isTrue();
            assertThat(refused.getLeft().message())
                    .startsWith("deployment n1-push on sim is busy: pid "
                            + ProcessHandle.current().pid() + " (manifest apply, since ")
                    .contains("n1-push.lock");
        }
        assertThat(site.sim.vms()).isEmpty();
    }

    private void stopVm(int vmid) {
        var ctx = site.context();
        var key = dev.homestak.core.Key.integer("vm");
        assertThat(dev.homestak.actions.StopVmAction.of(key)
                        .run(ctx.withFacts(ctx.facts().with(key, vmid)))
                        .isRight())
                .isTrue();
    }

    private void deleteVm(int vmid) {
        var vm = new dev.homestak.actions.ProvisionedVm("node2", vmid);
        assertThat(dev.homestak.actions.DestroyVmsAction.of(
                                dev.homestak.actions.VmSelection.listed(java.util.List.of(vm)))
                        .run(site.context())
                        .get()
                        .ok())
                .isTrue();
    }
}
