package dev.homestak.manifests;

import static dev.homestak.manifests.DeepManifestTest.allVms;
import static dev.homestak.manifests.DeepManifestTest.destroysEverything;
import static dev.homestak.manifests.DeepManifestTest.names;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.actions.ActionResult;
import dev.homestak.actions.EnsurePveAction;
import dev.homestak.actions.PlaybookStandIn;
import dev.homestak.actions.Ports;
import dev.homestak.actions.SshRequest;
import dev.homestak.actions.SshResult;
import dev.homestak.core.HostConfig;
import dev.homestak.core.SiteConfig;
import dev.homestak.core.manifest.Manifest;
import dev.homestak.core.manifest.ManifestSource;
import dev.homestak.core.manifest.Manifests;
import dev.homestak.scenarios.PhaseResult;
import dev.homestak.scenarios.PhaseStatus;
import dev.homestak.sim.Simulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("a pve node's host set-up: PVE installed on images without it, bridge and DNS from site.yaml")
class PveHostSetupTest {

    private static final String SITE_YAML = """
            defaults:
              datastore: local-lvm
              ssh_user: root
              bridge: vmbr0
              dns_servers: [10.0.0.53, 10.0.0.54]
              domain: home.arpa
            """;

    @TempDir
    Path dir;

    SimDeploy site;
    SiteConfig config;
    HostConfig host;
    /** The hosts the pve-install stand-in ran on, one entry per play. */
    final List<String> installs = new CopyOnWriteArrayList<>();

    /** The simulator (inner APIs reached only through SSH forwarding unless {@code routable}) and the site. */
    private void start(boolean routable) {
        site = SimDeploy.start(dir, b -> b.innerNonRoutable(!routable));
        SimDeploy.write(site.siteDir.resolve("site.yaml"), SITE_YAML);
        config = SiteConfig.load(site.siteDir).getOrElseThrow(f -> new AssertionError(f.message()));
        host = config.host("sim").getOrElseThrow(f -> new AssertionError(f.message()));
    }

    @AfterEach
    void stop() {
        if (site != null) {
            site.close();
        }
    }

    /**
     * The runner with the pve-install playbook's simulator stand-in: over real SSH on the play's target, the command
     * that carries the playbook's effect ({@code apt-get install proxmox-ve}, which turns the simulated VM into a PVE).
     */
    private ManifestRunner runner() {
        PlaybookStandIn pveInstall = (run, ctx) -> {
            String target = run.host().orElseThrow();
            installs.add(target);
            return ctx.ssh(SshRequest.of(
                            ctx.ssh().endpoint("root", target),
                            "apt-get install -y proxmox-ve postfix open-iscsi chrony",
                            Duration.ofSeconds(30)))
                    .map(r -> ActionResult.of("pve-install simulated on " + target + " (exit " + r.exitCode() + ")"));
        };
        return site.builder()
                .ports(Ports.builder()
                        .proxmox(site.clients)
                        .ssh(site.ssh)
                        .standIn(EnsurePveAction.PLAYBOOK, pveInstall)
                        .build())
                .hostConfig(host)
                .site(config)
                .build();
    }

    private Manifest manifest(String yaml) {
        Path file = dir.resolve("m.yaml");
        SimDeploy.write(file, yaml);
        return Manifests.load(ManifestSource.ofFlag(file.toString()), config)
                .getOrElseThrow(f -> new AssertionError(f.message()));
    }

    private SshResult ssh(Simulator pve, int vmid, String command) {
        String ip = pve.vm(vmid).orElseThrow().address();
        return site.context()
                .ssh(SshRequest.of(site.context().ssh().endpoint("root", ip), command, Duration.ofSeconds(30)))
                .getOrElseThrow(f -> new AssertionError(f.message()));
    }

    @Test
    @DisplayName(
            "a pve node on debian-12 gets PVE through the pve-install playbook before it is prepared; its child is created"
                    + " inside it; a resume (child missing) does not install again; destroy leaves 0 VMs")
    void debianPveNode() {
        start(true); // inner APIs routable here only so that the test itself can delete the child inside
        Manifest manifest = manifest("""
                schema_version: 2
                name: n2-debian
                description: "a pve node on a plain Debian image"
                pattern: tiered
                nodes:
                  - {name: root-pve, type: pve, spec: pve, preset: vm-large, image: debian-12, vmid: 99011}
                  - {name: edge, type: vm, spec: base, preset: vm-small, image: debian-12, vmid: 99021, parent: root-pve}
                """);
        ManifestRunner runner = runner();

        assertThat(runner.plan(manifest).get().render()).containsPattern("root-pve +pve +create \\+ install PVE\\n");
        assertThat(runner.dryRun(Verb.APPLY, manifest).get()).contains("then: install PVE (playbooks/pve-install.yml)");
        ManifestResult applied =
                runner.run(Verb.APPLY, manifest, ManifestOptions.defaults()).get();

        assertPassed(applied);
        assertThat(names(applied))
                .containsSubsequence(
                        "root-pve/verify_ssh",
                        "root-pve/install_pve",
                        "root-pve/network",
                        "root-pve/prepare",
                        "edge/provision");
        assertThat(message(applied, "root-pve/install_pve")).startsWith("PVE installed on ");
        String address = site.sim.vm(99011).orElseThrow().address();
        assertThat(installs).containsExactly(address);
        Simulator rootPve = site.sim.nested(99011).orElseThrow();
        assertThat(rootPve.vm(99021)).as("edge inside the installed PVE").isPresent();
        assertThat(ssh(site.sim, 99011, "systemctl is-active pveproxy").stdout())
                .isEqualTo("active\n");
        assertThat(ssh(site.sim, 99011, "pvenode cert info --output-format json")
                        .stdout())
                .contains("pve-ssl.pem");

        deleteInside(rootPve, "edge", 99021);
        ManifestResult resumed =
                runner.run(Verb.APPLY, manifest, ManifestOptions.defaults()).get();
        assertPassed(resumed);
        assertThat(resumed.plan().node("root-pve").orElseThrow().action()).isEqualTo(NodeAction.KEEP);
        assertThat(message(resumed, "root-pve/install_pve")).contains("skipped installation");
        assertThat(installs).as("installed once").hasSize(1);
        assertThat(site.sim.nested(99011).orElseThrow().vm(99021)).isPresent();

        destroysEverything(runner, manifest, site.sim);
    }

    @Test
    @DisplayName(
            "a pve-9 image without the site's bridge gets it (pvesh create + apply) and DNS from site.yaml; a second apply"
                    + " finds both and changes nothing; no install on a PVE image")
    void bridgeAndDnsOnPveImage() {
        start(false);
        Manifest manifest = site.manifest("n2-push");
        ManifestRunner runner = runner();

        ManifestResult applied =
                runner.run(Verb.APPLY, manifest, ManifestOptions.defaults()).get();

        assertPassed(applied);
        assertThat(names(applied)).doesNotContain("root-pve/install_pve").contains("root-pve/network");
        assertThat(message(applied, "root-pve/network"))
                .isEqualTo("root-pve: bridge vmbr0 created; DNS 10.0.0.53, 10.0.0.54 written to /etc/resolv.conf");
        assertThat(ssh(site.sim, 99011, "ip link show vmbr0").exitCode()).isZero();
        assertThat(ssh(site.sim, 99011, "cat /etc/resolv.conf").stdout())
                .isEqualTo("search home.arpa\nnameserver 10.0.0.53\nnameserver 10.0.0.54\n");
        assertThat(site.sim.nested(99011).orElseThrow().vm(99021)).isPresent();
        assertThat(installs).isEmpty();

        ManifestResult again =
                runner.run(Verb.APPLY, manifest, ManifestOptions.defaults()).get();
        assertPassed(again);
        assertThat(again.plan().upToDate()).isTrue();
        assertThat(message(again, "root-pve/network"))
                .isEqualTo("root-pve: bridge vmbr0 present; DNS 10.0.0.53, 10.0.0.54 already configured");

        assertThat(runner.run(Verb.DESTROY, manifest, ManifestOptions.defaults())
                        .get()
                        .success())
                .isTrue();
        assertThat(allVms(site.sim)).isEmpty();
    }

    @Test
    @DisplayName("depth 2: a debian-12 pve node inside a pve-9 one gets PVE, its child lives three levels down;"
            + " destroy leaves 0 VMs")
    void debianPveNodeAtDepthTwo() {
        start(false);
        Manifest manifest = manifest("""
                schema_version: 2
                name: n3-debian
                description: "a Debian pve node inside a PVE image"
                pattern: tiered
                nodes:
                  - {name: root-pve, type: pve, spec: pve, preset: vm-large, image: pve-9, vmid: 99011}
                  - {name: leaf-pve, type: pve, spec: pve, preset: vm-medium, image: debian-12, vmid: 99021, parent: root-pve}
                  - {name: edge, type: vm, spec: base, preset: vm-small, image: debian-12, vmid: 99031, parent: leaf-pve}
                """);

        ManifestResult applied =
                runner().run(Verb.APPLY, manifest, ManifestOptions.defaults()).get();

        assertPassed(applied);
        assertThat(names(applied)).doesNotContain("root-pve/install_pve").contains("leaf-pve/install_pve");
        Simulator leaf = site.sim.nested(99011).orElseThrow().nested(99021).orElseThrow();
        assertThat(leaf.vm(99031)).as("edge inside the installed leaf-pve").isPresent();
        assertThat(installs)
                .containsExactly(site.sim
                        .nested(99011)
                        .orElseThrow()
                        .vm(99021)
                        .orElseThrow()
                        .address());
        assertThat(message(applied, "leaf-pve/network")).startsWith("root-pve › leaf-pve: bridge vmbr0 created");

        destroysEverything(runner(), manifest, site.sim);
    }

    @Test
    @DisplayName("a bridge name in site.yaml that is not one fails the network step with the key to fix")
    void badBridgeName() {
        start(false);
        SimDeploy.write(
                site.siteDir.resolve("site.yaml"), SITE_YAML.replace("bridge: vmbr0", "bridge: \"vmbr0; reboot\""));
        config = SiteConfig.load(site.siteDir).getOrElseThrow(f -> new AssertionError(f.message()));
        host = config.host("sim").getOrElseThrow(f -> new AssertionError(f.message()));

        ManifestResult applied = runner().run(Verb.APPLY, site.manifest("n2-push"), ManifestOptions.defaults())
                .get();

        assertThat(applied.success()).isFalse();
        assertThat(applied.report().phases())
                .filteredOn(p -> p.name().equals("root-pve/network"))
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .contains("site.yaml defaults.bridge: 'vmbr0; reboot' is not a bridge name"));
        runner().run(Verb.DESTROY, site.manifest("n2-push"), ManifestOptions.defaults());
        assertThat(allVms(site.sim)).isEmpty();
    }

    private void deleteInside(Simulator pve, String name, int vmid) {
        var ctx = site.context().toBuilder().host(pve.hostConfig("pve-" + vmid)).build();
        assertThat(dev.homestak.actions.DestroyVmsAction.of(dev.homestak.actions.VmSelection.listed(
                                List.of(new dev.homestak.actions.ProvisionedVm(name, vmid))))
                        .run(ctx)
                        .get()
                        .ok())
                .isTrue();
    }

    private static String message(ManifestResult result, String phase) {
        return result.report().phases().stream()
                .filter(p -> p.name().equals(phase))
                .map(PhaseResult::message)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no phase " + phase + " in " + names(result)));
    }

    private static void assertPassed(ManifestResult result) {
        assertThat(result.report().phases())
                .allSatisfy(p ->
                        assertThat(p.status()).as(p.name() + ": " + p.message()).isEqualTo(PhaseStatus.PASSED));
        assertThat(result.success()).isTrue();
    }
}
