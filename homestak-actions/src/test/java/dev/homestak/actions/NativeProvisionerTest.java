package dev.homestak.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.core.Facts;
import dev.homestak.core.ResolvedEnv;
import dev.homestak.core.ResolvedVm;
import dev.homestak.core.Secret;
import dev.homestak.proxmox.internal.PveApiSchema;
import dev.homestak.proxmox.model.DownloadUrlRequest;
import dev.homestak.sim.FaultKind;
import dev.homestak.sim.FaultRule;
import dev.homestak.sim.RecordedRequest;
import dev.homestak.sim.Timing;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Native provisioner (provisioner: api) against the simulator")
class NativeProvisionerTest {

    private static final String HASH = "$6$rounds=4096$salt$0123456789abcdefHASH";

    @TempDir
    Path tmp;

    private SimHost pve;
    private ResolvedEnv env;
    private final RecordingSink sink = new RecordingSink();

    @BeforeEach
    void start() throws Exception {
        pve = SimHost.start(tmp, Timing.instant());
        pve.api()
                .node("pve")
                .storage("local")
                .downloadUrl(
                        DownloadUrlRequest.of("https://example.invalid/debian-12.qcow2", "debian-12.qcow2", "import"))
                .flatMap(t -> t.await(Duration.ofSeconds(10)))
                .get();
        env = env(
                vm("web", Optional.of(99910), "dhcp", Optional.empty()),
                vm("db", Optional.empty(), "10.0.12.5/24", Optional.of("10.0.12.1")));
    }

    @AfterEach
    void stop() {
        pve.close();
    }

    private ResolvedEnv env(ResolvedVm... vms) {
        return new ResolvedEnv(
                "test",
                pve.host.toBuilder().rootPassword(Optional.of(Secret.of(HASH))).build(),
                pve.sim.apiToken(),
                List.of(vms));
    }

    private static ResolvedVm vm(String name, Optional<Integer> vmid, String ip, Optional<String> gateway) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", name);
        vmid.ifPresent(id -> a.put("vmid", id));
        a.put("image", "debian-12");
        a.put("cores", 2);
        a.put("memory", 1024);
        a.put("disk", 10);
        a.put("bridge", "vmbr0");
        a.put("ip", ip);
        gateway.ifPresent(g -> a.put("gateway", g));
        return new ResolvedVm(a);
    }

    private ActionContext ctx(Facts facts) {
        return pve.ctx(facts).events(sink).build();
    }

    @Nested
    @DisplayName("ProvisionVmsAction")
    class Provision {

        @Test
        @DisplayName("creates both VMs from the cloud image and writes the same facts as the tofu path")
        void createsEnv() {
            ActionResult r = ProvisionVmsAction.of(env)
                    .withRunTag("run-7")
                    .run(ctx(Facts.empty()))
                    .get();
            int dbId = r.facts().get(Facts.vmIdKey("db")).orElseThrow();
            assertThat(r.message()).isEqualTo("API provisioning completed for test on pve");
            assertThat(r.facts().get(Facts.vmIdKey("web"))).contains(99910);
            assertThat(r.facts().asMap().get(ActionKeys.PROVISIONED_VMS.name()))
                    .isEqualTo(List.of(Map.of("name", "web", "vmid", 99910), Map.of("name", "db", "vmid", dbId)));
            assertThat(dbId).isNotEqualTo(99910).isGreaterThanOrEqualTo(100);

            Map<String, String> web = pve.vm(99910).config();
            assertThat(web)
                    .containsEntry("name", "web")
                    .containsEntry("cores", "2")
                    .containsEntry("memory", "1024")
                    .containsEntry("ipconfig0", "ip=dhcp")
                    .containsEntry("serial0", "socket")
                    .containsEntry("tags", "homestak;run-7")
                    .containsEntry("ciuser", "root");
            assertThat(web.get("scsi0")).startsWith("local-lvm:vm-99910-disk-0").contains("size=10G");
            assertThat(web.get("ide2")).startsWith("local-lvm:vm-99910-cloudinit");
            assertThat(web.get("net0")).contains("bridge=vmbr0");
            assertThat(web.get("agent")).contains("1");
            assertThat(pve.vm(dbId).config()).containsEntry("ipconfig0", "ip=10.0.12.5/24,gw=10.0.12.1");
            assertThat(pve.vm(99910).status()).isEqualTo(dev.homestak.sim.PowerState.STOPPED);
        }

        @Test
        @DisplayName(
                "sends only parameters the PVE 9.1 schema defines, with the keys url-encoded and the hash as cipassword")
        void schemaValid() {
            ProvisionVmsAction.of(env).run(ctx(Facts.empty())).get();
            RecordedRequest create = pve.sim.requests().stream()
                    .filter(q -> q.method().equals("POST") && q.path().endsWith("/nodes/pve/qemu"))
                    .findFirst()
                    .orElseThrow();
            assertThat(PveApiSchema.bundled().validate("POST", "/nodes/pve/qemu", create.params()))
                    .isEmpty();
            assertThat(create.params())
                    .containsEntry("cipassword", HASH)
                    .containsEntry(
                            "scsi0", "local-lvm:0,import-from=local:import/debian-12.qcow2,discard=on,iothread=1");
            assertThat(create.params().get("sshkeys")).doesNotContain(" ").startsWith("ecdsa-sha2-nistp256%20");
        }

        @Test
        @DisplayName("never shows the password hash in messages, facts, events or toString")
        void noSecrets() {
            ProvisionVmsAction action = ProvisionVmsAction.of(env);
            ActionResult r = action.run(ctx(Facts.empty())).get();
            assertThat(action.toString() + r + r.facts().asMap() + sink.events())
                    .doesNotContain(HASH)
                    .doesNotContain("0123456789abcdef");
        }

        @Test
        @DisplayName(
                "a re-run keeps VMs that already exist under the same name; another VM on the id is a clear failure")
        void rerunAndConflict() {
            Facts first =
                    ProvisionVmsAction.of(env).run(ctx(Facts.empty())).get().facts();
            ResolvedEnv pinned = env(
                    vm("web", Optional.of(99910), "dhcp", Optional.empty()),
                    vm("db", first.get(Facts.vmIdKey("db")), "dhcp", Optional.empty()));
            assertThat(ProvisionVmsAction.of(pinned)
                            .run(ctx(Facts.empty()))
                            .get()
                            .facts())
                    .isEqualTo(first);

            ResolvedEnv clash = env(vm("cache", Optional.of(99910), "dhcp", Optional.empty()));
            assertThat(ProvisionVmsAction.of(clash)
                            .run(ctx(Facts.empty()))
                            .getLeft()
                            .message())
                    .isEqualTo("VM 99910 already exists on pve as 'web', not 'cache': pick another vmid for cache "
                            + "(envs/test.yaml or vm_id_overrides)");
        }

        @Test
        @DisplayName("the run's --vm-id overrides (RunControl) replace the env's ids")
        void overrides() {
            ActionContext c = ctx(Facts.empty()).toBuilder()
                    .run(RunControl.none().withVmIdOverrides(Map.of("web", 99950)))
                    .build();
            ActionResult r = ProvisionVmsAction.of(env).run(c).get();
            assertThat(r.facts().get(Facts.vmIdKey("web"))).contains(99950);
            assertThat(pve.sim.vm(99950)).isPresent();
        }

        @Test
        @DisplayName("a missing cloud image fails with PVE's reason naming the volume")
        void missingImage() {
            Map<String, Object> a = new LinkedHashMap<>(
                    vm("x", Optional.of(99920), "dhcp", Optional.empty()).attributes());
            a.put("image", "debian-13");
            ActionFailure f = ProvisionVmsAction.of(env(new ResolvedVm(a)))
                    .run(ctx(Facts.empty()))
                    .getLeft();
            assertThat(f.message()).contains("local:import/debian-13.qcow2").contains("does not exist");
        }
    }

    @Nested
    @DisplayName("DestroyVmsAction of the env: sameNameOnly, every VM tried")
    class CarefulDestroy {

        @Test
        @DisplayName(
                "sameNameOnly leaves a VM with another name at an env id alone; a VM without an id is found by name")
        void sameNameOnly() {
            int dbId = ProvisionVmsAction.of(env)
                    .run(ctx(Facts.empty()))
                    .get()
                    .facts()
                    .get(Facts.vmIdKey("db"))
                    .orElseThrow();
            pve.createVm(99930, "handmade");
            ResolvedEnv withForeign = env(
                    vm("web", Optional.of(99910), "dhcp", Optional.empty()),
                    vm("db", Optional.empty(), "dhcp", Optional.empty()),
                    vm("cache", Optional.of(99930), "dhcp", Optional.empty()));
            DestroyVmsAction destroy =
                    DestroyVmsAction.of(VmSelection.env(withForeign)).withSameNameOnly();

            VmTeardown t = destroy.run(ctx(Facts.empty())).get();

            assertThat(t.destroyed()).containsExactly(new ProvisionedVm("web", 99910), new ProvisionedVm("db", dbId));
            assertThat(t.refused()).containsExactly(new ProvisionedVm("cache", 99930));
            assertThat(pve.sim.vms())
                    .singleElement()
                    .satisfies(vm -> assertThat(vm.name()).isEqualTo("handmade"));
            assertThat(destroy.summary().run(ctx(Facts.empty())).get().message())
                    .isEqualTo("No VM of env test left on pve");
        }

        @Test
        @DisplayName("without facts, ids come from the run's --vm-id overrides, then the env, else by name on the node")
        void idsWithoutFacts() {
            ActionContext c = ctx(Facts.empty()).toBuilder()
                    .run(RunControl.none().withVmIdOverrides(Map.of("web", 99950)))
                    .build();
            int dbId = ProvisionVmsAction.of(env)
                    .run(c)
                    .get()
                    .facts()
                    .get(Facts.vmIdKey("db"))
                    .orElseThrow();
            pve.createVm(99910, "web");

            VmTeardown t = DestroyVmsAction.of(VmSelection.env(env)).run(c).get();

            assertThat(t.destroyed()).containsExactly(new ProvisionedVm("web", 99950), new ProvisionedVm("db", dbId));
            assertThat(pve.sim.vms()).extracting(vm -> vm.vmid()).containsExactly(99910);
        }

        @Test
        @DisplayName("every VM is tried: the summary fails naming each VM that could not be removed and what was")
        void tryAll() {
            Facts facts =
                    ProvisionVmsAction.of(env).run(ctx(Facts.empty())).get().facts();
            int dbId = facts.get(Facts.vmIdKey("db")).orElseThrow();
            pve.sim.inject(FaultRule.builder(FaultKind.TASK_FAILURE)
                    .method("DELETE")
                    .vmid(99910)
                    .message("disk is busy")
                    .build());

            ActionFailure f = DestroyVmsAction.of(VmSelection.env(env))
                    .summary()
                    .run(ctx(facts))
                    .getLeft();

            assertThat(f.message())
                    .startsWith("VM 99910 (web): ")
                    .contains("disk is busy")
                    .endsWith(" (destroyed VM " + dbId + " (db))");
            assertThat(pve.sim.vm(dbId)).isEmpty();
            assertThat(pve.sim.vm(99910)).isPresent();
        }
    }

    @Test
    @DisplayName("provision, start, wait for IPs, destroy: the whole native round trip; destroy can be repeated")
    void roundTrip() {
        Facts facts = ProvisionVmsAction.of(env).run(ctx(Facts.empty())).get().facts();
        ActionResult up = Actions.sequence(List.of(StartVmsAction.of(), WaitForVmIpsAction.of()))
                .run(ctx(facts))
                .get();
        assertThat(up.facts().get(Facts.vmIpKey("web"))).contains(pve.vm(99910).address());
        int dbId = facts.get(Facts.vmIdKey("db")).orElseThrow();

        Action<ActionResult> destroy = DestroyVmsAction.of(VmSelection.env(env)).summary();
        ActionResult down = destroy.run(ctx(facts)).get();
        assertThat(down.message()).isEqualTo("Destroyed VM 99910 (web), VM " + dbId + " (db) on pve");
        assertThat(pve.sim.vms()).isEmpty();
        assertThat(destroy.run(ctx(facts)).get().message()).isEqualTo("No VM of env test left on pve");
    }
}
