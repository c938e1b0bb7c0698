package dev.homestak.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.core.Facts;
import dev.homestak.core.Secret;
import dev.homestak.proxmox.model.DownloadUrlRequest;
import dev.homestak.sim.Timing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName(
        "Actions on the nested PVE over SSH: EnsurePveAction (simulator) and the remote tofu pair (real shell, fake tofu)")
class RemoteActionsTest {

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

    @Nested
    @DisplayName("EnsurePveAction")
    class EnsurePve {

        @Test
        @DisplayName("installs through the pve-install stand-in once; afterwards pveproxy is active and it skips")
        void installsOnce() {
            pve.api()
                    .node("pve")
                    .storage("local")
                    .downloadUrl(DownloadUrlRequest.of(
                            "https://example.invalid/debian-13.qcow2", "debian-13.qcow2", "import"))
                    .flatMap(t -> t.await(Duration.ofSeconds(10)))
                    .get();
            pve.createRunningVm(99800, "nested-pve", "scsi0", "local-lvm:0,import-from=local:import/debian-13.qcow2");
            String address = pve.vm(99800).address();
            List<PlaybookStandIn.PlaybookRun> runs = new ArrayList<>();
            ActionContext ctx = pve.ctx(Facts.empty().with(Facts.INNER_IP, address))
                    .standIn(EnsurePveAction.PLAYBOOK, (run, c) -> {
                        runs.add(run);
                        return pve.sim
                                .markPveInstalled(99800)
                                .<ActionFailure>mapLeft(f -> new ActionFailure.Precondition(f.message()))
                                .map(vm -> ActionResult.of("simulated"));
                    })
                    .build();
            EnsurePveAction ensure = EnsurePveAction.of(tmp.resolve("ansible"));

            assertThat(ensure.run(ctx).get().message()).isEqualTo("PVE installed on " + address);
            assertThat(runs).singleElement().satisfies(run -> {
                assertThat(run.host()).contains(address);
                assertThat(run.extraVars()).isEqualTo(Map.of("pve_hostname", "nested-pve"));
            });
            assertThat(pve.sim.nested(99800)).isPresent();
            // the simulated PVE guest has the marker of a PVE image as well as an active pveproxy
            assertThat(ensure.run(ctx).get().message()).endsWith("- skipped installation");
            assertThat(runs).hasSize(1);
        }
    }

    @Nested
    @DisplayName("TofuApplyRemoteAction and TofuDestroyRemoteAction")
    class RemoteTofu {

        private static final String TOKEN = "root@pam!tofu=5ecret-t0ken";

        private Map<String, Object> tfvars() {
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("node", "nested-pve");
            vars.put("api_token", Secret.of(TOKEN));
            vars.put("vms", List.of(Map.of("name", "test", "vmid", 99900)));
            return vars;
        }

        @Test
        @DisplayName(
                "sends the original's script; tofu runs in the tofu dir with the state layout and a private tfvars from stdin")
        void applyAndDestroy() throws Exception {
            FakeTofu fake = new FakeTofu(tmp.resolve("fake"));
            Path tofuDir = Files.createDirectories(tmp.resolve("remote/tofu/envs/generic"));
            Path states = tmp.resolve("remote/states");
            try (ShellSshServer inner =
                    new ShellSshServer("127.0.0.3", tmp.resolve("inner-key"), pve.publicKey, fake.env("apply-ok"))) {
                RecordingSink sink = new RecordingSink();
                ActionContext ctx = pve.ctx(Facts.empty().with(Facts.INNER_IP, "127.0.0.3"))
                        .events(sink)
                        .ssh(SshClient.create(SshSettings.builder()
                                .identityFiles(List.of(pve.keyFile))
                                .port("127.0.0.3", inner.port())
                                .build()))
                        .build();
                TofuApplyRemoteAction apply =
                        TofuApplyRemoteAction.of("test", tfvars()).at("tofu", tofuDir.toString(), states.toString());

                ActionResult r = apply.run(ctx).get();
                assertThat(r.message()).isEqualTo("Tofu apply completed for test on nested-pve (remote)");
                assertThat(r.facts().get(Facts.vmIdKey("test"))).contains(99900);
                assertThat(inner.commands()).containsExactly(apply.script());
                assertThat(apply.script()).doesNotContain(TOKEN).contains("cd '" + tofuDir + "'\n");

                Path state = states.resolve("test-nested-pve");
                assertThat(fake.argv(1)).containsExactly("init");
                List<String> argv = fake.argv(2);
                assertThat(argv.subList(0, 4))
                        .containsExactly(
                                "apply", "-auto-approve", "-json", "-state=" + state.resolve("terraform.tfstate"));
                assertThat(argv.get(4)).startsWith("-var-file=/tmp/tfvars-test-nested-pve-");
                assertThat(fake.recorded(2, "cwd")).isEqualTo(tofuDir.toString());
                assertThat(fake.recorded(2, "tf_data_dir"))
                        .isEqualTo(state.resolve("data").toString());
                assertThat(fake.recorded(2, "tfvars.mode")).isEqualTo("600");
                assertThat(fake.recorded(2, "tfvars.json")).contains("\"api_token\":\"" + TOKEN + "\"");
                assertThat(Path.of(argv.get(4).substring("-var-file=".length())))
                        .doesNotExist();
                assertThat(sink.progress()).anyMatch(p -> p.contains("Creation complete"));

                TofuDestroyRemoteAction destroy = TofuDestroyRemoteAction.of(apply);
                assertThat(destroy.run(ctx).get().message())
                        .isEqualTo("Tofu destroy completed for test on nested-pve (remote)");
                assertThat(fake.argv(3).get(0)).isEqualTo("destroy");
                Files.delete(state.resolve("terraform.tfstate"));
                assertThat(destroy.run(ctx).get().message())
                        .isEqualTo("No state file found for test-nested-pve on 127.0.0.3, nothing to destroy");
                assertThat(fake.calls()).isEqualTo(3);
            }
        }

        @Test
        @DisplayName("a diagnostic of the remote apply becomes a readable one-line failure")
        void diagnostic() throws Exception {
            FakeTofu fake = new FakeTofu(tmp.resolve("fake"));
            Path tofuDir = Files.createDirectories(tmp.resolve("remote/tofu"));
            try (ShellSshServer inner =
                    new ShellSshServer("127.0.0.3", tmp.resolve("inner-key"), pve.publicKey, fake.env("apply-error"))) {
                ActionContext ctx = pve.ctx(Facts.empty().with(Facts.INNER_IP, "127.0.0.3"))
                        .ssh(SshClient.create(SshSettings.builder()
                                .identityFiles(List.of(pve.keyFile))
                                .port("127.0.0.3", inner.port())
                                .build()))
                        .build();
                ActionFailure f = TofuApplyRemoteAction.of("test", tfvars())
                        .at("tofu", tofuDir.toString(), tmp.resolve("states").toString())
                        .run(ctx)
                        .getLeft();
                assertThat(f.message())
                        .isEqualTo("tofu apply on root@127.0.0.3:" + inner.port() + " failed (exit 1): "
                                + "error creating VM: received an HTTP 500 response - Reason: storage 'local-zfs' does not exist "
                                + "(module.vm[\"test\"].proxmox_virtual_environment_vm.vm)");
            }
        }
    }
}
