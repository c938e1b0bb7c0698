package dev.homestak.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.core.Facts;
import dev.homestak.core.Secret;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("OpenTofu actions against a fake tofu replaying real -json streams")
class TofuActionsTest {

    private static final String TOKEN = "root@pam!tofu=1c9f0e7a-secret-token";

    @TempDir
    Path tmp;

    private FakeTofu tofu;
    private Path tofuDir;
    private Path stateRoot;
    private final RecordingSink sink = new RecordingSink();

    @BeforeEach
    void setUp() throws IOException {
        tofu = new FakeTofu(tmp.resolve("fake"));
        tofuDir = Files.createDirectories(tmp.resolve("tofu/envs/generic"));
        stateRoot = tmp.resolve("iac-driver/.states");
    }

    private Map<String, Object> tfvars() {
        return Map.of(
                "node",
                "pve",
                "api_endpoint",
                "https://localhost:8006",
                "api_token",
                Secret.of(TOKEN),
                "datastore",
                "local-zfs",
                "ssh_keys",
                List.of("ssh-ed25519 AAAA user@host"),
                "vms",
                List.of(Map.of(
                        "name",
                        "test",
                        "vmid",
                        99900,
                        "image",
                        "debian-12",
                        "cores",
                        2,
                        "memory",
                        2048,
                        "disk",
                        10,
                        "bridge",
                        "vmbr0")));
    }

    private TofuApplyAction apply() {
        return TofuApplyAction.builder()
                .env("test", "pve")
                .tofuDir(tofuDir)
                .stateRoot(stateRoot)
                .tfvars(tfvars())
                .build();
    }

    private ActionContext ctx(String script, Facts facts) {
        return ActionContext.builder()
                .processes(tofu.runner(script))
                .events(sink)
                .facts(facts)
                .build();
    }

    @Nested
    @DisplayName("apply")
    class Apply {

        @Test
        @DisplayName("runs init then apply with the original's command lines, TF_DATA_DIR and state paths")
        void commandLines() throws IOException {
            assertThat(apply().run(ctx("apply-ok", Facts.empty())).isRight()).isTrue();
            Path state = stateRoot.resolve("test-pve");
            assertThat(tofu.calls()).isEqualTo(2);
            assertThat(tofu.argv(1)).containsExactly("init");
            List<String> argv = tofu.argv(2);
            assertThat(argv)
                    .hasSize(5)
                    .startsWith("apply", "-auto-approve", "-json", "-state=" + state.resolve("terraform.tfstate"));
            assertThat(argv.get(4)).matches("-var-file=.*/tfvars-test-pve-.*\\.json");
            for (int call = 1; call <= 2; call++) {
                assertThat(tofu.recorded(call, "cwd")).isEqualTo(tofuDir.toString());
                assertThat(tofu.recorded(call, "tf_data_dir"))
                        .isEqualTo(state.resolve("data").toString());
            }
            assertThat(state.resolve("data")).isDirectory();
            assertThat(state.resolve("terraform.tfstate")).isRegularFile();
        }

        @Test
        @DisplayName(
                "writes the tfvars as JSON readable only by the user, with secrets revealed, and deletes it afterwards")
        void tfvarsFile() throws IOException {
            apply().run(ctx("apply-ok", Facts.empty()));
            String json = tofu.recorded(2, "tfvars.json");
            assertThat(json)
                    .contains("\"api_token\" : \"" + TOKEN + "\"")
                    .contains("\"vmid\" : 99900")
                    .contains("\"node\" : \"pve\"");
            assertThat(tofu.recorded(2, "tfvars.mode")).isEqualTo("600");
            Path file = Path.of(tofu.argv(2).get(4).substring("-var-file=".length()));
            assertThat(file).doesNotExist();
        }

        @Test
        @DisplayName("writes <vm>_vm_id and provisioned_vms, and reports created resources as progress")
        void factsAndProgress() {
            ActionResult r = apply().run(ctx("apply-ok", Facts.empty())).get();
            assertThat(r.message()).isEqualTo("Tofu apply completed for test on pve");
            assertThat(r.facts().get(Facts.vmIdKey("test"))).contains(99900);
            assertThat(r.facts().asMap().get("provisioned_vms"))
                    .isEqualTo(List.of(Map.of("name", "test", "vmid", 99900)));
            assertThat(sink.progress())
                    .contains(
                            "module.vm[\"test\"].proxmox_virtual_environment_vm.vm: Creation complete after 12s [id=99900]",
                            "Apply complete! Resources: 2 added, 0 changed, 0 destroyed.");
            assertThat(sink.events()).noneMatch(e -> e.text().startsWith("{"));
        }

        @Test
        @DisplayName("applies the run's --vm-id overrides (RunControl) to the VMs before writing the tfvars")
        void overrides() throws IOException {
            ActionContext c = ctx("apply-ok", Facts.empty()).toBuilder()
                    .run(RunControl.none().withVmIdOverrides(Map.of("test", 99950)))
                    .build();
            ActionResult r = apply().run(c).get();
            assertThat(tofu.recorded(2, "tfvars.json")).contains("\"vmid\" : 99950");
            assertThat(r.facts().get(Facts.vmIdKey("test"))).contains(99950);
        }

        @Test
        @DisplayName("turns an error diagnostic into a readable one-line failure without ANSI codes or secrets")
        void diagnostic() {
            Either<ActionFailure, ActionResult> r = apply().run(ctx("apply-error", Facts.empty()));
            assertThat(r.getLeft()).isInstanceOf(ActionFailure.ProcessExit.class);
            assertThat(r.getLeft().message())
                    .isEqualTo(
                            "tofu apply failed (exit 1): error creating VM: received an HTTP 500 "
                                    + "response - Reason: storage 'local-zfs' does not exist (module.vm[\"test\"].proxmox_virtual_environment_vm.vm)");
            assertThat(sink.progress()).contains("warning: Argument is deprecated: Use cpu.type instead.");
            assertThat(sink.events())
                    .allSatisfy(
                            e -> assertThat(e.text()).doesNotContain("\u001B").doesNotContain(TOKEN));
        }

        @Test
        @DisplayName("a failing init is reported from its error box, cleaned, and apply does not run")
        void initFails() throws IOException {
            Either<ActionFailure, ActionResult> r = apply().run(ctx("init-error", Facts.empty()));
            assertThat(r.getLeft().message())
                    .isEqualTo(
                            "tofu init failed (exit 1): Error: Failed to query available provider "
                                    + "packages Could not retrieve the list of available versions for provider bpg/proxmox: could not connect to registry.opentofu.org");
            assertThat(tofu.calls()).isEqualTo(1);
        }

        @Test
        @DisplayName("plain text on stderr (an error before the command starts) still makes a readable failure")
        void plainError() {
            assertThat(apply().run(ctx("plain-error", Facts.empty())).getLeft().message())
                    .isEqualTo(
                            "tofu apply failed (exit 1): Error: Failed to load \"../../secrets.tfvars.json\" as variables");
        }

        @Test
        @DisplayName("a missing tofu directory is a precondition failure naming it; tofu does not run")
        void missingDir() throws IOException {
            TofuApplyAction action = TofuApplyAction.builder()
                    .env("test", "pve")
                    .tofuDir(tmp.resolve("nope"))
                    .stateRoot(stateRoot)
                    .tfvars(tfvars())
                    .build();
            assertThat(action.run(ctx("apply-ok", Facts.empty())).getLeft().message())
                    .isEqualTo("Tofu directory not found: " + tmp.resolve("nope"));
            assertThat(tofu.calls()).isZero();
        }

        @Test
        @DisplayName("tofu not installed is a precondition failure")
        void tofuMissing() {
            ActionContext noTofu = ActionContext.builder()
                    .processes(ProcessRunner.system(Map.of("PATH", tmp.toString())))
                    .build();
            assertThat(apply().run(noTofu).getLeft().message()).startsWith("'tofu' not found on PATH");
        }

        @Test
        @DisplayName("its string form shows tfvars names but never their values")
        void noSecretInToString() {
            assertThat(apply().toString()).contains("api_token").doesNotContain(TOKEN);
        }
    }

    @Nested
    @DisplayName("destroy")
    class Destroy {

        @Test
        @DisplayName("runs destroy (no init) with the same state paths and tfvars as apply")
        void commandLine() throws IOException {
            TofuApplyAction apply = apply();
            apply.run(ctx("apply-ok", Facts.empty()));
            ActionResult r = TofuDestroyAction.of(apply)
                    .run(ctx("apply-ok", Facts.empty()))
                    .get();
            assertThat(r.message()).isEqualTo("Tofu destroy completed for test on pve");
            Path state = stateRoot.resolve("test-pve");
            assertThat(tofu.calls()).isEqualTo(3);
            assertThat(tofu.argv(3))
                    .startsWith("destroy", "-auto-approve", "-json", "-state=" + state.resolve("terraform.tfstate"));
            assertThat(tofu.recorded(3, "tf_data_dir"))
                    .isEqualTo(state.resolve("data").toString());
            assertThat(tofu.recorded(3, "tfvars.json")).contains("\"vmid\" : 99900");
            assertThat(sink.progress()).contains("Destroy complete! Resources: 1 destroyed.");
        }

        @Test
        @DisplayName("without a state file there is nothing to destroy: success, tofu does not run")
        void noState() throws IOException {
            ActionResult r = TofuDestroyAction.of(apply())
                    .run(ctx("apply-ok", Facts.empty()))
                    .get();
            assertThat(r.message())
                    .startsWith("No state file found for test-pve at")
                    .endsWith("nothing to destroy");
            assertThat(tofu.calls()).isZero();
        }
    }
}
