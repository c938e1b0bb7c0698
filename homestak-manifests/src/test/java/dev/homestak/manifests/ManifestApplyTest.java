package dev.homestak.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.scenarios.PhaseResult;
import dev.homestak.scenarios.PhaseStatus;
import dev.homestak.sim.VmView;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("manifest apply / destroy on the simulator")
class ManifestApplyTest {

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
    @DisplayName(
            "n1-push: apply creates the tagged VM with its preset's size and facts; destroy removes it and the state")
    void applyThenDestroy() {
        site = SimDeploy.start(dir);
        ManifestRunner runner = site.runner();
        var manifest = site.manifest("n1-push");

        ManifestResult applied =
                runner.run(Verb.APPLY, manifest, ManifestOptions.defaults()).get();

        assertThat(applied.report().phases())
                .allSatisfy(p ->
                        assertThat(p.status()).as(p.name() + ": " + p.message()).isEqualTo(PhaseStatus.PASSED));
        assertThat(applied.report().phases())
                .extracting(PhaseResult::name)
                .containsExactly("image/debian-12", "edge/provision", "edge/start", "edge/wait_ip", "edge/verify_ssh");
        assertThat(applied.node("edge").orElseThrow().status()).isEqualTo("completed");
        assertThat(applied.report().facts().get(dev.homestak.core.Facts.vmIdKey("edge")))
                .contains(99001);
        assertThat(applied.report().facts().get(dev.homestak.core.Facts.vmIpKey("edge")))
                .isPresent();
        VmView vm = site.sim.vm(99001).orElseThrow();
        assertThat(vm.config().get("tags")).contains("homestak").contains("homestak-deploy-n1-push");
        assertThat(vm.config().get("cores")).isEqualTo("2");
        assertThat(vm.config().get("memory")).isEqualTo("2048");
        Path state = dir.resolve("state/sim/n1-push.json");
        assertThat(state).exists();
        assertThat(state)
                .content()
                .contains("\"status\" : \"completed\"")
                .contains("\"vm_id\" : 99001")
                .doesNotContain(site.sim.apiToken().reveal());

        ManifestResult destroyed =
                runner.run(Verb.DESTROY, manifest, ManifestOptions.defaults()).get();

        assertThat(destroyed.success())
                .as(destroyed.report().failureSummary().orElse(""))
                .isTrue();
        assertThat(destroyed.node("edge").orElseThrow().status()).isEqualTo("destroyed");
        assertThat(site.sim.vms()).isEmpty();
        assertThat(state).doesNotExist();
    }

    @Test
    @DisplayName("a second apply of a complete deployment changes nothing and says so")
    void idempotent() {
        site = SimDeploy.start(dir);
        ManifestRunner runner = site.runner();
        var manifest = site.flat("flat3", 3, 99300);
        assertThat(runner.run(Verb.APPLY, manifest, ManifestOptions.defaults())
                        .get()
                        .success())
                .isTrue();
        int requests = site.sim.requests().size();

        Plan plan = runner.plan(manifest).get();
        ManifestResult again =
                runner.run(Verb.APPLY, manifest, ManifestOptions.defaults()).get();

        assertThat(plan.upToDate()).isTrue();
        assertThat(plan.summary()).isEqualTo("No changes: deployment flat3 on sim is up to date (3 nodes kept)");
        assertThat(again.success()).isTrue();
        assertThat(again.report().phases())
                .extracting(PhaseResult::name)
                .containsExactly("node1/keep", "node2/keep", "node3/keep");
        assertThat(site.sim.requests().subList(requests, site.sim.requests().size()))
                .noneMatch(r -> r.method().equals("POST") || r.method().equals("DELETE"));
        assertThat(site.sim.vms()).hasSize(3);
    }

    static List<String> names(List<PhaseResult> phases) {
        return phases.stream().map(PhaseResult::name).toList();
    }
}
