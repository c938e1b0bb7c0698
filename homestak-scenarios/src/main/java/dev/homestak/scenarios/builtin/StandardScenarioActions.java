package dev.homestak.scenarios.builtin;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionKeys;
import dev.homestak.actions.ActionResult;
import dev.homestak.actions.Actions;
import dev.homestak.actions.AnsiblePlaybookAction;
import dev.homestak.actions.CreateApiTokenAction;
import dev.homestak.actions.PveTarget;
import dev.homestak.actions.StartVmsAction;
import dev.homestak.actions.VerifySshChainAction;
import dev.homestak.actions.VmSteps;
import dev.homestak.actions.WaitForSshAction;
import dev.homestak.actions.WaitForVmIpsAction;
import dev.homestak.core.Facts;
import dev.homestak.core.Key;
import dev.homestak.core.SiteConfig;
import dev.homestak.scenarios.RunTags;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The real actions behind the eight built-in scenarios: the Proxmox API (the run's host config and
 * {@link dev.homestak.actions.ProxmoxClients} port), SSH, Ansible, and OpenTofu for {@code provisioner: tofu}
 * nodes. Every value comes from the run's {@link dev.homestak.actions.ActionContext} at run time, so one instance
 * serves every run. Playbooks can be replaced by stand-ins ({@code ActionContext.Builder.standIn}) for a
 * simulated host.
 */
public final class StandardScenarioActions implements ScenarioActions {

    private static final Duration TASK = Duration.ofSeconds(300);
    private static final Duration WAIT_IP = Duration.ofSeconds(300);
    private static final Duration START = Duration.ofSeconds(60);

    private final EnvSource envs;
    private final Path ansibleDir;
    private final TofuSettings tofu;

    private StandardScenarioActions(EnvSource envs, Path ansibleDir, TofuSettings tofu) {
        this.envs = envs;
        this.ansibleDir = ansibleDir;
        this.tofu = tofu;
    }

    /** Envs from the run's site-config; ansible in {@code ../ansible}; the original's tofu layout. */
    public static StandardScenarioActions create() {
        return new StandardScenarioActions(
                EnvSource.fromRun(), AnsiblePlaybookAction.DEFAULT_DIR, TofuSettings.defaults());
    }

    /** Envs from {@code site}, already loaded. */
    public static StandardScenarioActions forSite(SiteConfig site) {
        return create().withEnvs(EnvSource.of(site));
    }

    /** A copy resolving envs with {@code value}. */
    public StandardScenarioActions withEnvs(EnvSource value) {
        return new StandardScenarioActions(Objects.requireNonNull(value, "envs"), ansibleDir, tofu);
    }

    /** A copy running playbooks from {@code dir} (the original's {@code <parent>/ansible}). */
    public StandardScenarioActions withAnsibleDir(Path dir) {
        return new StandardScenarioActions(envs, Objects.requireNonNull(dir, "dir"), tofu);
    }

    /** A copy with other tofu directories. */
    public StandardScenarioActions withTofu(TofuSettings value) {
        return new StandardScenarioActions(envs, ansibleDir, Objects.requireNonNull(value, "tofu"));
    }

    @Override
    public Action<ActionResult> ensureImage() {
        return new EnsureImagesAction(envs, BuiltInScenarios.TEST_ENV, PveTarget.host(), TASK);
    }

    @Override
    public Action<ActionResult> provision(String env) {
        return new ProvisionEnvAction(envs, env, PveTarget.host(), tofu, TASK);
    }

    @Override
    public Action<ActionResult> startVms() {
        return new StartVmsAction(Optional.empty(), PveTarget.host(), VmSteps.ALL, START);
    }

    @Override
    public Action<ActionResult> waitForIps() {
        return new WaitForVmIpsAction(Optional.empty(), Facts.VM_IP, PveTarget.host(), VmSteps.ALL, WAIT_IP);
    }

    @Override
    public Action<ActionResult> verifySsh() {
        return WaitForSshAction.of(Facts.VM_IP).withTimeout(Duration.ofSeconds(60));
    }

    @Override
    public Action<ActionResult> destroy(String env) {
        return new DestroyEnvAction(envs, env, PveTarget.host(), tofu, false, TASK);
    }

    @Override
    public Action<ActionResult> startVm(String vmName) {
        return new StartVmsAction(Optional.of(vmName), PveTarget.host(), VmSteps.ALL, START);
    }

    @Override
    public Action<ActionResult> waitForIp(String vmName, String ipFact) {
        return new WaitForVmIpsAction(Optional.of(vmName), Key.string(ipFact), PveTarget.host(), VmSteps.ALL, WAIT_IP);
    }

    @Override
    public Action<ActionResult> installPve() {
        return AnsiblePlaybookAction.builder(ansibleDir, "playbooks/pve-install.yml")
                .extraVars(Map.of("pve_hostname", BuiltInScenarios.NESTED_ENV))
                .host(Facts.INNER_IP)
                .user("root")
                .waitForSsh(true, true)
                .sshTimeout(Duration.ofSeconds(120))
                .timeout(Duration.ofSeconds(1200))
                .build();
    }

    @Override
    public Action<ActionResult> configureInnerPve() {
        Action<ActionResult> play = AnsiblePlaybookAction.builder(ansibleDir, "playbooks/nested-pve-setup.yml")
                .host(Facts.INNER_IP)
                .user("root")
                .sshTimeout(Duration.ofSeconds(120))
                .timeout(Duration.ofSeconds(600))
                .build();
        Action<ActionResult> both =
                ctx -> Actions.sequence(List.of(play, innerToken(ctx))).run(ctx);
        return new Action<>() {
            @Override
            public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
                return both.run(ctx);
            }

            @Override
            public String describe() {
                return play + ", then the nested PVE's API token root@pam!homestak-<run id>";
            }
        };
    }

    /**
     * The nested PVE's API token, {@code root@pam!homestak-<run id>} (the run id keeps tokens of different runs
     * apart), into {@code inner_api_token}.
     */
    private static Action<ActionResult> innerToken(ActionContext ctx) {
        String id = "homestak"
                + RunTags.runId(ctx)
                        .map(r -> "-" + r.replaceAll("[^A-Za-z0-9]", ""))
                        .orElse("");
        return new CreateApiTokenAction(
                Facts.INNER_IP, "root", "root@pam", id, ActionKeys.INNER_API_TOKEN, Duration.ofSeconds(60));
    }

    @Override
    public Action<ActionResult> downloadImage() {
        return new EnsureImagesAction(envs, BuiltInScenarios.TEST_ENV, PveTarget.nested(), TASK);
    }

    @Override
    public Action<ActionResult> provisionOnInner() {
        return new ProvisionEnvAction(envs, BuiltInScenarios.TEST_ENV, PveTarget.nested(), tofu, TASK);
    }

    @Override
    public Action<ActionResult> startOnInner() {
        return new StartVmsAction(Optional.of(BuiltInScenarios.TEST_ENV), PveTarget.nested(), VmSteps.ALL, START);
    }

    @Override
    public Action<ActionResult> waitOnInner() {
        return new WaitForVmIpsAction(
                Optional.of(BuiltInScenarios.TEST_ENV), Facts.TEST_IP, PveTarget.nested(), VmSteps.ALL, WAIT_IP);
    }

    @Override
    public Action<ActionResult> verifyChain() {
        VerifySshChainAction d = VerifySshChainAction.of();
        return new VerifySshChainAction(
                d.targetHostKey(), d.jumpHostKey(), d.user(), Duration.ofSeconds(300), Duration.ofSeconds(10));
    }

    @Override
    public Action<ActionResult> cleanupOnInner() {
        return new WithInnerTokenAction(
                new DestroyEnvAction(envs, BuiltInScenarios.TEST_ENV, PveTarget.nested(), tofu, true, TASK),
                ctx -> innerToken(ctx).run(ctx));
    }

    @Override
    public Action<ActionResult> stopInner() {
        return new StopEnvAction(envs, BuiltInScenarios.NESTED_ENV, START);
    }

    @Override
    public Action<ActionResult> destroyInner() {
        return new DestroyEnvAction(envs, BuiltInScenarios.NESTED_ENV, PveTarget.host(), tofu, false, TASK);
    }

    @Override
    public Action<ActionResult> pveSetup() {
        return new PlaybookPhase(ansibleDir, "playbooks/pve-setup.yml", Duration.ofSeconds(600));
    }

    @Override
    public Action<ActionResult> userSetup() {
        return new PlaybookPhase(ansibleDir, "playbooks/user.yml", Duration.ofSeconds(600));
    }

    @Override
    public Action<ActionResult> runBootstrap() {
        return BootstrapActions.run();
    }

    @Override
    public Action<ActionResult> verifyInstall() {
        return BootstrapActions.verifyInstall();
    }

    @Override
    public Action<ActionResult> verifyUser() {
        return BootstrapActions.verifyUser();
    }
}
