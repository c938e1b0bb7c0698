package dev.homestak.manifests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homestak.actions.CancellationToken;
import dev.homestak.actions.SshEndpoint;
import dev.homestak.actions.SshRequest;
import dev.homestak.core.manifest.Manifest;
import dev.homestak.scenarios.PhaseResult;
import dev.homestak.scenarios.PhaseStatus;
import dev.homestak.sim.Simulator;
import dev.homestak.sim.VmView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("manifests N levels deep: pve nodes driven from the controller through SSH forwarding")
class DeepManifestTest {

    @TempDir
    Path dir;

    SimDeploy site;

    @AfterEach
    void stop() {
        if (site != null) {
            site.close();
        }
    }

    private SimDeploy start() {
        site = SimDeploy.start(dir, b -> b.innerNonRoutable(true));
        return site;
    }

    @Test
    @DisplayName(
            "n2-push: edge is created inside root-pve through its API (reachable only via SSH forwarding); destroy leaves 0 VMs")
    void n2Push() throws Exception {
        start();
        ManifestRunner runner = site.runner();
        var manifest = site.manifest("n2-push");

        ManifestResult applied =
                runner.run(Verb.APPLY, manifest, ManifestOptions.defaults()).get();

        assertPassed(applied);
        assertThat(names(applied))
                .contains("root-pve/prepare", "root-pve/image/debian-12", "edge/provision", "edge/verify_ssh");
        Simulator rootPve = site.sim.nested(99011).orElseThrow();
        VmView edge = rootPve.vm(99021).orElseThrow();
        assertThat(edge.config().get("tags")).contains("homestak-deploy-n2-push");
        assertThat(site.sim.vm(99021)).as("edge is not on the target host").isEmpty();
        assertThat(rootPve.requests())
                .anyMatch(r -> r.method().equals("POST") && r.path().contains("/qemu"));
        String state = Files.readString(dir.resolve("state/sim/n2-push.json"));
        assertThat(state).contains("\"edge\"").doesNotContain("homestak-n2-push=");

        ManifestResult again =
                runner.run(Verb.APPLY, manifest, ManifestOptions.defaults()).get();
        assertThat(again.plan().summary())
                .isEqualTo("No changes: deployment n2-push on sim is up to date (2 nodes kept)");

        destroysEverything(runner, manifest, site.sim);
    }

    @Test
    @DisplayName("n3-deep passes manifest test: three levels, each inner API through the tunnel, 0 VMs left")
    void n3DeepTest() {
        start();
        ManifestResult tested = site.runner()
                .run(Verb.TEST, site.manifest("n3-deep"), ManifestOptions.defaults())
                .get();

        assertPassed(tested);
        assertThat(names(tested))
                .contains("leaf-pve/prepare", "edge/verify", "edge/destroy", "leaf-pve/destroy", "root-pve/destroy");
        assertThat(allVms(site.sim)).isEmpty();
        // the simulator validates every request against the PVE 9.1 schema (400 otherwise), at every level
        assertThat(site.sim.requestsIncludingNested())
                .hasSizeGreaterThan(site.sim.requests().size())
                .allSatisfy(r -> assertThat(r.status())
                        .as(r.method() + " " + r.path() + " " + r.params())
                        .isLessThan(400));
    }

    @Test
    @DisplayName(
            "a 4-level manifest (three nested PVEs, two leaves in the deepest) applies, re-plans as up to date, destroys to 0 VMs")
    void fourLevels() {
        start();
        var manifest = site.manifest(fourLevelManifest().toString());
        ManifestRunner runner = site.runner();

        assertPassed(
                runner.run(Verb.APPLY, manifest, ManifestOptions.defaults()).get());
        Simulator l3 = site.sim
                .nested(99101)
                .orElseThrow()
                .nested(99201)
                .orElseThrow()
                .nested(99301)
                .orElseThrow();
        assertThat(l3.vms()).extracting(VmView::vmid).containsExactlyInAnyOrder(99401, 99402);
        assertThat(runner.plan(manifest).get().upToDate()).isTrue();

        destroysEverything(runner, manifest, site.sim);
    }

    @Test
    @DisplayName(
            "a node at depth 4 is reached over SSH through its 3 pve ancestors only (not directly, not through one hop);"
                    + " manifest test verifies every node that way")
    void sshAtDepthFourGoesThroughThreeHops() {
        start();
        var manifest = site.manifest(fourLevelManifest().toString());
        ManifestRunner runner = site.runner();
        assertPassed(
                runner.run(Verb.APPLY, manifest, ManifestOptions.defaults()).get());
        Simulator l1 = site.sim.nested(99101).orElseThrow();
        Simulator l2 = l1.nested(99201).orElseThrow();
        VmView leaf = l2.nested(99301).orElseThrow().vm(99401).orElseThrow();
        List<SshEndpoint> ancestors = List.of(
                endpoint(site.sim.vm(99101).orElseThrow()),
                endpoint(l1.vm(99201).orElseThrow()),
                endpoint(l2.vm(99301).orElseThrow()));
        SshRequest hostname = SshRequest.of(endpoint(leaf), "hostname", java.time.Duration.ofSeconds(10));

        assertThat(site.ssh.exec(hostname, CancellationToken.create()).isLeft())
                .as("directly: the inner network is not routable")
                .isTrue();
        assertThat(site.ssh
                        .exec(hostname.via(ancestors.subList(0, 2)), CancellationToken.create())
                        .isLeft())
                .as("through l1 and l2 only: l2 has no route into l3's network")
                .isTrue();
        assertThat(site.ssh
                        .exec(hostname.via(ancestors), CancellationToken.create())
                        .<String>fold(
                                f -> "failed: " + f.message(), r -> r.stdout().strip()))
                .as("through l1 › l2 › l3")
                .isEqualTo("a");

        ManifestResult tested =
                runner.run(Verb.TEST, manifest, ManifestOptions.defaults()).get();
        assertPassed(tested);
        assertThat(names(tested)).contains("a/verify", "b/verify", "l3/destroy");
        assertThat(allVms(site.sim)).isEmpty();
    }

    private static SshEndpoint endpoint(VmView vm) {
        return new SshEndpoint("root", vm.address(), vm.sshPort());
    }

    private Path fourLevelManifest() {
        Path file = dir.resolve("n4-deep.yaml");
        SimDeploy.write(file, """
                schema_version: 2
                name: n4-deep
                description: "4-level"
                pattern: tiered
                nodes:
                  - {name: l1, type: pve, spec: pve, preset: vm-large, image: pve-9, vmid: 99101}
                  - {name: l2, type: pve, spec: pve, preset: vm-medium, image: pve-9, vmid: 99201, parent: l1}
                  - {name: l3, type: pve, spec: pve, preset: vm-medium, image: pve-9, vmid: 99301, parent: l2}
                  - {name: a, type: vm, spec: base, preset: vm-small, image: debian-12, vmid: 99401, parent: l3}
                  - {name: b, type: vm, spec: base, preset: vm-small, image: debian-12, vmid: 99402, parent: l3}
                """);
        return file;
    }

    @Test
    @DisplayName(
            "a child missing inside a kept pve node is re-created (resume at depth 2); a gone pve parent takes its children with it")
    void resumeAtDepthAndGoneParent() {
        // inner APIs routable here only so that the test itself can delete VMs inside
        site = SimDeploy.start(dir, b -> b.innerNonRoutable(false));

        ManifestRunner runner = site.runner();
        var manifest = site.manifest("n3-deep");
        assertPassed(
                runner.run(Verb.APPLY, manifest, ManifestOptions.defaults()).get());
        Simulator leaf = site.sim.nested(99011).orElseThrow().nested(99021).orElseThrow();
        deleteVm(leaf, "edge", 99031);

        Plan plan = runner.plan(manifest).get();
        assertThat(plan.node("root-pve").orElseThrow().action()).isEqualTo(NodeAction.KEEP);
        assertThat(plan.node("leaf-pve").orElseThrow().action()).isEqualTo(NodeAction.KEEP);
        assertThat(plan.node("edge").orElseThrow().label()).isEqualTo("replace (missing)");
        assertThat(plan.render()).contains("root-pve › leaf-pve › edge").contains("root-pve › leaf-pve ");
        assertThat(runner.status(manifest).get().render(java.time.Instant.now()))
                .contains("root-pve › leaf-pve ")
                .contains("root-pve › leaf-pve › edge");
        ManifestResult resumed =
                runner.run(Verb.APPLY, manifest, ManifestOptions.defaults()).get();
        assertPassed(resumed);
        assertThat(site.sim
                        .nested(99011)
                        .orElseThrow()
                        .nested(99021)
                        .orElseThrow()
                        .vm(99031))
                .isPresent();

        deleteVm(site.sim, "root-pve", 99011); // root-pve gone, with everything inside it
        ManifestResult destroyed =
                runner.run(Verb.DESTROY, manifest, ManifestOptions.defaults()).get();
        assertThat(destroyed.success())
                .as(destroyed.report().failureSummary().orElse(""))
                .isTrue();
        assertThat(destroyed.report().phases())
                .filteredOn(p -> p.name().equals("edge/destroy"))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("Gone with its pve parent root-pve › leaf-pve"));
        assertThat(allVms(site.sim)).isEmpty();
        assertThat(dir.resolve("state/sim/n3-deep.json")).doesNotExist();
    }

    @Test
    @DisplayName(
            "kill -9 while leaf-pve (depth 2, inside root-pve) is half-built: apply completes it, destroy leaves 0 VMs at every level")
    void killNineAtDepthTwo() throws Exception {
        site = SimDeploy.start(
                dir,
                b -> b.innerNonRoutable(true)
                        .fault(dev.homestak.sim.FaultRule.builder(dev.homestak.sim.FaultKind.SLOW_RESPONSE)
                                .method("POST")
                                .path("/qemu/99021/status/start$")
                                .delay(java.time.Duration.ofSeconds(30))
                                .build()));
        Path state = dir.resolve("state");
        Path stateFile = state.resolve("sim/n3-deep.json");
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(
                        javaBin,
                        "-cp",
                        System.getProperty("java.class.path"),
                        KillNineChild.class.getName(),
                        site.siteDir.toString(),
                        state.toString(),
                        "n3-deep",
                        site.keyFile.toString(),
                        String.valueOf(site.sim.sshPort()),
                        String.valueOf(site.sim.port()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        try {
            await().atMost(java.time.Duration.ofSeconds(60))
                    .ignoreExceptions()
                    .until(() ->
                            Files.readString(stateFile).matches("(?s).*\"leaf-pve\" : \\{[^}]*\"vm_id\" : 99021.*"));
            assertThat(child.toHandle().destroyForcibly()).isTrue(); // SIGKILL: kill -9
            assertThat(child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).isEqualTo(137);
        } finally {
            child.destroyForcibly();
        }
        site.sim.clearFaults();

        ManifestRunner runner = site.runner();
        var manifest = site.manifest("n3-deep");
        assertThat(runner.plan(manifest).get().node("root-pve").orElseThrow().action())
                .isEqualTo(NodeAction.KEEP);
        ManifestResult resumed =
                runner.run(Verb.APPLY, manifest, ManifestOptions.defaults()).get();
        assertPassed(resumed);
        assertThat(allVms(site.sim)).hasSize(3);
        assertThat(runner.plan(manifest).get().upToDate()).isTrue();

        destroysEverything(runner, manifest, site.sim);
        assertThat(stateFile).doesNotExist();
    }

    @Test
    @DisplayName(
            "transient faults at inner levels (503, 596, connection reset inside root-pve and leaf-pve) are retried: n3-deep passes test, 0 VMs")
    void transientFaultsAtInnerLevels() {
        site = SimDeploy.start(
                dir,
                b -> b.innerNonRoutable(true)
                        .fault(dev.homestak.sim.FaultRule.builder(dev.homestak.sim.FaultKind.HTTP_503)
                                .method("GET")
                                .path("/qemu/99021/status/current$")
                                .nth(1)
                                .build())
                        .fault(dev.homestak.sim.FaultRule.builder(dev.homestak.sim.FaultKind.CONNECTION_RESET)
                                .method("GET")
                                .path("/qemu/99031/agent/network-get-interfaces$")
                                .nth(1)
                                .build())
                        .fault(dev.homestak.sim.FaultRule.builder(dev.homestak.sim.FaultKind.HTTP_596)
                                .method("GET")
                                .path("/nodes/[^/]+/storage/local/content$")
                                .nth(2)
                                .build()));

        ManifestResult tested = site.runner()
                .run(Verb.TEST, site.manifest("n3-deep"), ManifestOptions.defaults())
                .get();

        assertPassed(tested);
        assertThat(site.sim.faults()).as("faults fired").hasSizeGreaterThanOrEqualTo(2);
        assertThat(allVms(site.sim)).isEmpty();
    }

    private void deleteVm(Simulator pve, String name, int vmid) {
        var ctx = site.context().toBuilder().host(pve.hostConfig("pve-" + vmid)).build();
        var vm = new dev.homestak.actions.ProvisionedVm(name, vmid);
        assertThat(dev.homestak.actions.DestroyVmsAction.of(dev.homestak.actions.VmSelection.listed(List.of(vm)))
                        .run(ctx)
                        .get()
                        .ok())
                .isTrue();
    }

    private static void assertPassed(ManifestResult result) {
        assertThat(result.report().phases())
                .allSatisfy(p ->
                        assertThat(p.status()).as(p.name() + ": " + p.message()).isEqualTo(PhaseStatus.PASSED));
        assertThat(result.success()).isTrue();
    }

    static List<String> names(ManifestResult result) {
        return result.report().phases().stream().map(PhaseResult::name).toList();
    }

    /** Every VM at every level of the simulator. */
    /** {@code destroy} of {@code manifest} passes and leaves no VM at any level of {@code sim}. */
    static void destroysEverything(ManifestRunner runner, Manifest manifest, Simulator sim) {
        ManifestResult destroyed =
                runner.run(Verb.DESTROY, manifest, ManifestOptions.defaults()).get();
        assertThat(destroyed.success())
                .as(destroyed.report().failureSummary().orElse(""))
                .isTrue();
        assertThat(allVms(sim)).isEmpty();
    }

    static List<String> allVms(Simulator sim) {
        return sim.withNested().stream()
                .flatMap(level -> level.vms().stream().map(vm -> level.node() + "/" + vm.vmid()))
                .toList();
    }
}
