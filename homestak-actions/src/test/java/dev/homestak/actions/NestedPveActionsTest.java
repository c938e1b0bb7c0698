package dev.homestak.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.core.Facts;
import dev.homestak.core.ResolvedEnv;
import dev.homestak.core.ResolvedVm;
import dev.homestak.core.Secret;
import dev.homestak.proxmox.Auth;
import dev.homestak.proxmox.ProxmoxClient;
import dev.homestak.proxmox.TlsPolicy;
import dev.homestak.proxmox.model.CreateVmRequest;
import dev.homestak.proxmox.model.DownloadUrlRequest;
import dev.homestak.sim.Simulator;
import dev.homestak.sim.Timing;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Remote Proxmox actions against a nested PVE in the simulator (real HTTPS, real SSH)")
class NestedPveActionsTest {

    @TempDir
    Path tmp;

    private SimHost pve;
    private final RecordingSink sink = new RecordingSink();

    @BeforeEach
    void start() throws Exception {
        pve = SimHost.start(tmp, Timing.instant());
        pve.api()
                .node("pve")
                .storage("local")
                .downloadUrl(DownloadUrlRequest.of("https://example.invalid/pve-9.qcow2", "pve-9.qcow2", "import"))
                .flatMap(t -> t.await(Duration.ofSeconds(10)))
                .get();
        pve.createRunningVm(99800, "nested-pve", "scsi0", "local-lvm:0,import-from=local:import/pve-9.qcow2");
    }

    @AfterEach
    void stop() {
        pve.close();
    }

    private Facts innerIp() {
        ActionContext c =
                pve.ctx(Facts.empty().with(ActionKeys.INNER_VM_ID, 99800)).build();
        return WaitForGuestAgentAction.of(ActionKeys.INNER_VM_ID, Facts.INNER_IP)
                .run(c)
                .get()
                .facts();
    }

    /** {@link #innerIp()} and the nested PVE's API token. */
    private Facts withToken() {
        Facts facts = innerIp();
        return facts.merge(
                CreateApiTokenAction.of().run(pve.ctx(facts).build()).get().facts());
    }

    /** The test's own admin client of the nested PVE. */
    private static ProxmoxClient adminOf(Simulator inner) {
        return ProxmoxClient.builder()
                .baseUri(inner.baseUri())
                .auth(Auth.parseToken(inner.apiToken()).get())
                .tls(TlsPolicy.pinnedSha256(inner.fingerprintSha256()))
                .build()
                .get();
    }

    @Test
    @DisplayName("CreateApiTokenAction makes a token over SSH with pveum, checks it, and keeps it only as a Secret")
    void createsToken() {
        Facts facts = innerIp();
        ActionResult r = CreateApiTokenAction.of()
                .run(pve.ctx(facts).events(sink).build())
                .get();
        String address = facts.get(Facts.INNER_IP).orElseThrow();
        assertThat(r.message()).isEqualTo("API token root@pam!tofu created on " + address);
        Secret token = r.facts().get(ActionKeys.INNER_API_TOKEN).orElseThrow();
        assertThat(token.reveal()).startsWith("root@pam!tofu=");
        String value = token.reveal().substring(token.reveal().indexOf('=') + 1);
        assertThat(r.toString() + r.facts().asMap() + sink.events()).doesNotContain(value);
    }

    @Test
    @DisplayName("start, wait for the IP, and destroy a VM inside the nested PVE through its own API")
    void remoteLifecycle() {
        Facts facts = withToken();
        Simulator inner = pve.sim.nested(99800).orElseThrow();
        try (ProxmoxClient innerApi = adminOf(inner)) {
            innerApi.node(inner.node())
                    .qemu()
                    .create(CreateVmRequest.builder(100)
                            .name("test")
                            .agent(true)
                            .build())
                    .flatMap(t -> t.await(Duration.ofSeconds(10)))
                    .get();
        }
        facts = facts.with(ActionKeys.TEST_VM_ID, 100);

        assertThat(StartVmAction.remote(ActionKeys.TEST_VM_ID)
                        .run(pve.ctx(facts).build())
                        .get()
                        .message())
                .isEqualTo("VM 100 started");
        ActionResult ip = WaitForGuestAgentAction.remote(ActionKeys.TEST_VM_ID)
                .run(pve.ctx(facts).build())
                .get();
        assertThat(ip.facts().get(Facts.TEST_IP))
                .contains(inner.vm(100).orElseThrow().address());
        assertThat(DestroyVmsAction.of(VmSelection.byKey(ActionKeys.TEST_VM_ID))
                        .withTarget(PveTarget.nested())
                        .bestEffort()
                        .run(pve.ctx(facts).build())
                        .get()
                        .message())
                .isEqualTo("VM 100 destroyed");
        assertThat(inner.vm(100)).isEmpty();
        assertThat(pve.sim.vm(100)).isEmpty();
    }

    @Test
    @DisplayName("ProvisionVmsAction and DestroyVmsAction of the env with the nested target work inside the nested PVE")
    void nestedProvisioning() {
        Facts facts = withToken();
        Simulator inner = pve.sim.nested(99800).orElseThrow();
        try (ProxmoxClient innerApi = adminOf(inner)) {
            innerApi.node(inner.node())
                    .storage("local")
                    .downloadUrl(DownloadUrlRequest.of(
                            "https://example.invalid/debian-12.qcow2", "debian-12.qcow2", "import"))
                    .flatMap(t -> t.await(Duration.ofSeconds(10)))
                    .get();
        }
        Map<String, Object> test =
                Map.of("name", "test", "vmid", 100, "image", "debian-12", "bridge", "vmbr0", "ip", "dhcp");
        ResolvedEnv env = new ResolvedEnv("test", pve.host, pve.sim.apiToken(), List.of(new ResolvedVm(test)));

        ActionResult made = ProvisionVmsAction.of(env)
                .withTarget(PveTarget.nested())
                .run(pve.ctx(facts).build())
                .get();

        assertThat(made.message()).isEqualTo("API provisioning completed for test on " + inner.node());
        assertThat(made.facts().get(Facts.vmIdKey("test"))).contains(100);
        assertThat(inner.vm(100)).hasValueSatisfying(vm -> assertThat(vm.name()).isEqualTo("test"));
        assertThat(pve.sim.vm(100)).isEmpty();

        ActionResult gone = DestroyVmsAction.of(VmSelection.env(env))
                .withTarget(PveTarget.nested())
                .withSameNameOnly()
                .summary()
                .run(pve.ctx(facts).build())
                .get();
        assertThat(gone.message()).isEqualTo("Destroyed VM 100 (test) on " + inner.node());
        assertThat(inner.vm(100)).isEmpty();
    }

    @Test
    @DisplayName("a remote action without the nested PVE's token says which fact is missing")
    void missingToken() {
        Facts facts = innerIp().with(ActionKeys.TEST_VM_ID, 100);
        assertThat(StartVmAction.remote(ActionKeys.TEST_VM_ID)
                        .run(pve.ctx(facts).build())
                        .getLeft()
                        .message())
                .isEqualTo(
                        "No inner_api_token in context: create the nested PVE's API token first (CreateApiTokenAction)");
    }

    @Test
    @DisplayName("CreateApiTokenAction on a host that is no PVE fails with pveum's error, not a stack trace")
    void notPve() {
        pve.createRunningVm(99900, "plain");
        Facts facts = Facts.empty().with(Facts.INNER_IP, pve.vm(99900).address());
        ActionFailure f = CreateApiTokenAction.of().run(pve.ctx(facts).build()).getLeft();
        assertThat(f.message())
                .startsWith("pveum user token add on root@" + pve.vm(99900).address())
                .contains("failed (exit 127)")
                .contains("pveum: command not found");
    }
}
