package dev.homestak.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.core.manifest.Manifest;
import dev.homestak.core.manifest.OnError;
import dev.homestak.sim.FaultKind;
import dev.homestak.sim.FaultRule;
import dev.homestak.sim.VmView;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("on_error under a permanent fault (node a's start task always fails; b and c are independent of it)")
class OnErrorTest {

    @TempDir
    Path dir;

    SimDeploy site;

    @AfterEach
    void stop() {
        if (site != null) {
            site.close();
        }
    }

    Manifest tree() {
        site = SimDeploy.start(
                dir,
                b -> b.fault(FaultRule.builder(FaultKind.TASK_FAILURE)
                        .method("POST")
                        .path("/qemu/99601/status/start$")
                        .message("start failed: QEMU exited with code 1")
                        .build()));
        Path file = dir.resolve("tree.yaml");
        SimDeploy.write(file, """
                schema_version: 2
                name: tree
                nodes:
                  - {name: a, type: vm, spec: base, preset: vm-small, image: debian-12, vmid: 99601}
                  - {name: b, type: vm, spec: base, preset: vm-small, image: debian-12, vmid: 99602}
                  - {name: c, type: vm, spec: base, preset: vm-small, image: debian-12, vmid: 99603}
                """);
        return site.manifest(file.toString());
    }

    @Test
    @DisplayName("stop: the failure names node, VM and PVE's reason; nothing new starts; what was built stays")
    void stops() {
        Manifest m = tree();
        ManifestResult r = site.runner()
                .run(
                        Verb.APPLY,
                        m,
                        ManifestOptions.defaults().withOnError(OnError.STOP).withParallel(1))
                .get();

        assertThat(r.success()).isFalse();
        assertThat(r.node("a").orElseThrow().status()).isEqualTo("failed");
        assertThat(r.node("a").orElseThrow().error().orElseThrow())
                .contains("99601")
                .contains("start failed: QEMU exited with code 1");
        assertThat(r.node("b").orElseThrow().status()).isEqualTo("pending");
        assertThat(r.node("c").orElseThrow().status()).isEqualTo("pending");
        assertThat(r.report().phase("b/provision").orElseThrow().message()).isEqualTo("not reached: a/start failed");
        assertThat(site.sim.vms()).extracting(VmView::vmid).containsExactly(99601);
        assertThat(r.toJson()).contains("\"success\":false").contains("\"status\":\"failed\"");
    }

    @Test
    @DisplayName("rollback: destroys what this apply created; nothing is left")
    void rollsBack() {
        Manifest m = tree();
        ManifestResult r = site.runner()
                .run(Verb.APPLY, m, ManifestOptions.defaults().withOnError(OnError.ROLLBACK))
                .get();

        assertThat(r.success()).isFalse();
        assertThat(r.node("a").orElseThrow().status()).isEqualTo("failed");
        assertThat(r.report().cleanup().ran()).isTrue();
        assertThat(site.sim.vms()).isEmpty();
    }

    @Test
    @DisplayName(
            "continue: the independent nodes are created (one step at a time, after the failure too); the run fails")
    void continues() {
        Manifest m = tree();
        ManifestResult r = site.runner()
                .run(
                        Verb.APPLY,
                        m,
                        ManifestOptions.defaults().withOnError(OnError.CONTINUE).withParallel(1))
                .get();

        assertThat(r.success()).isFalse();
        assertThat(r.node("a").orElseThrow().status()).isEqualTo("failed");
        assertThat(r.node("b").orElseThrow().status()).isEqualTo("completed");
        assertThat(r.node("c").orElseThrow().status()).isEqualTo("completed");
        assertThat(site.sim.vms()).extracting(VmView::vmid).containsExactlyInAnyOrder(99601, 99602, 99603);
    }
}
