package dev.homestak.scenarios.builtin;

import dev.homestak.scenarios.CleanupPolicy;
import dev.homestak.scenarios.Phase;
import dev.homestak.scenarios.Scenario;
import dev.homestak.scenarios.ScenarioAttributes;
import java.time.Duration;
import java.util.List;

/**
 * The original's eight scenarios (seed-system §3.1/§3.2): exact names, phase names, order and descriptions.
 * Roundtrips are composed from their constructor and destructor; constructors carry their destructor as
 * cleanup (used only when a cleanup policy asks for it). Descriptions follow the constructor and destructor
 * where the original's roundtrip copies differed from them, and the v0.6 multi-VM wording for simple-vm.
 */
public final class BuiltInScenarios {

    /** The env simple-vm provisions unless {@code --env} says otherwise. */
    public static final String TEST_ENV = "test";
    /** The env of the inner PVE VM. */
    public static final String NESTED_ENV = "nested-pve";

    private BuiltInScenarios() {}

    /** All eight, built on {@code actions}. */
    public static List<Scenario> all(ScenarioActions actions) {
        Scenario simpleDestructor = simpleVmDestructor(actions);
        Scenario simpleConstructor = simpleVmConstructor(actions).withCleanup(simpleDestructor);
        Scenario nestedDestructor = nestedPveDestructor(actions);
        Scenario nestedConstructor = nestedPveConstructor(actions).withCleanup(nestedDestructor);
        return List.of(
                simpleConstructor,
                simpleDestructor,
                Scenario.roundtrip(
                                "simple-vm-roundtrip",
                                "Deploy test VM, verify SSH, destroy (full cycle)",
                                simpleConstructor,
                                simpleDestructor)
                        .withAttributes(attributes(120).withDefaultCleanup(CleanupPolicy.ALWAYS)),
                nestedConstructor,
                nestedDestructor,
                Scenario.roundtrip(
                                "nested-pve-roundtrip",
                                "Full cycle: provision, install PVE, test VM, verify, cleanup, destroy",
                                nestedConstructor,
                                nestedDestructor)
                        .withAttributes(attributes(540).withDefaultCleanup(CleanupPolicy.ALWAYS)),
                pveConfigure(actions),
                bootstrapInstall(actions));
    }

    static Scenario simpleVmConstructor(ScenarioActions a) {
        return Scenario.of(
                        "simple-vm-constructor",
                        "Ensure image, provision test VM, verify SSH access",
                        List.of(
                                Phase.of("ensure_image", "Ensure packer image exists", a.ensureImage()),
                                Phase.of("provision", "Provision VM(s)", a.provision(TEST_ENV)),
                                Phase.of("start", "Start VM(s)", a.startVms()),
                                Phase.of("wait_ip", "Wait for VM IP(s)", a.waitForIps()),
                                Phase.of("verify_ssh", "Verify SSH access", a.verifySsh())))
                .withAttributes(attributes(90));
    }

    static Scenario simpleVmDestructor(ScenarioActions a) {
        return Scenario.of(
                        "simple-vm-destructor",
                        "Stop and destroy test VM",
                        List.of(Phase.of("destroy", "Destroy VM(s)", a.destroy(TEST_ENV))))
                .withAttributes(attributes(30).withRequiresConfirmation(true));
    }

    static Scenario nestedPveConstructor(ScenarioActions a) {
        return Scenario.of(
                        "nested-pve-constructor",
                        "Provision inner PVE, install Proxmox VE, create test VM, verify SSH",
                        List.of(
                                Phase.of("provision", "Provision inner PVE VM", a.provision(NESTED_ENV)),
                                Phase.of("start_vm", "Start inner PVE VM", a.startVm(NESTED_ENV)),
                                Phase.of("wait_ip", "Wait for inner PVE IP", a.waitForIp(NESTED_ENV, "inner_ip")),
                                Phase.of("install_pve", "Install Proxmox VE", a.installPve()),
                                Phase.of("configure", "Configure inner PVE", a.configureInnerPve()),
                                Phase.of("download_image", "Download packer image from release", a.downloadImage()),
                                Phase.of("test_vm_apply", "Provision test VM", a.provisionOnInner()),
                                Phase.of("test_vm_start", "Start test VM", a.startOnInner()),
                                Phase.of("test_vm_wait", "Wait for test VM IP", a.waitOnInner()),
                                Phase.of("verify", "Verify SSH chain", a.verifyChain())))
                .withAttributes(attributes(360));
    }

    static Scenario nestedPveDestructor(ScenarioActions a) {
        return Scenario.of(
                        "nested-pve-destructor",
                        "Cleanup test VM (if reachable), stop and destroy inner PVE VM",
                        List.of(
                                Phase.of("cleanup_remote", "Cleanup test VM on inner PVE", a.cleanupOnInner()),
                                Phase.of("stop_inner", "Stop inner PVE VM", a.stopInner()),
                                Phase.of("destroy_inner", "Destroy inner PVE VM", a.destroyInner())))
                .withAttributes(attributes(120).withRequiresConfirmation(true));
    }

    static Scenario pveConfigure(ScenarioActions a) {
        return Scenario.of(
                        "pve-configure",
                        "Configure PVE host (pve-setup + user)",
                        List.of(
                                Phase.of("pve_setup", "Run pve-setup.yml", a.pveSetup()),
                                Phase.of("user", "Run user.yml", a.userSetup())))
                .withAttributes(attributes(210).withRequiresHostConfig(false));
    }

    static Scenario bootstrapInstall(ScenarioActions a) {
        return Scenario.of(
                        "bootstrap-install",
                        "Run bootstrap, verify installation and user (requires vm_ip in context)",
                        List.of(
                                Phase.of("run_bootstrap", "Run bootstrap script", a.runBootstrap()),
                                Phase.of("verify_install", "Verify homestak installation", a.verifyInstall()),
                                Phase.of("verify_user", "Verify user creation (if HOMESTAK_USER set)", a.verifyUser())))
                .withAttributes(attributes(120));
    }

    private static ScenarioAttributes attributes(int expectedSeconds) {
        return ScenarioAttributes.defaults().withExpectedRuntime(Duration.ofSeconds(expectedSeconds));
    }
}
