package dev.homestak.scenarios.builtin;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionResult;

/**
 * The actions behind the phases of the original's eight scenarios, one method per phase kind (the original's
 * action class in brackets). {@link BuiltInScenarios} builds the catalog from an implementation of this port;
 * the parameters (timeouts, fact keys, playbooks) are the original's and are fixed by the implementation.
 */
public interface ScenarioActions {

    /** Make sure the cloud image is in the node's storage [EnsureImageAction]. */
    Action<ActionResult> ensureImage();

    /** Create the VMs of env {@code env} (tofu or the API provisioner), tagged with the run id [TofuApplyAction]. */
    Action<ActionResult> provision(String env);

    /** Start every provisioned VM, in parallel [StartProvisionedVMsAction]. */
    Action<ActionResult> startVms();

    /** Wait for every provisioned VM's guest-agent IP, in parallel; facts {@code <vm>_ip}, {@code vm_ip} [WaitForProvisionedVMsAction]. */
    Action<ActionResult> waitForIps();

    /** Wait until SSH answers on {@code vm_ip} [WaitForSSHAction]. */
    Action<ActionResult> verifySsh();

    /** Destroy the VMs of env {@code env} [TofuDestroyAction]. */
    Action<ActionResult> destroy(String env);

    /** Start VM {@code <vm>_vm_id} on the host [StartVMAction]. */
    Action<ActionResult> startVm(String vmName);

    /** Wait for the IP of VM {@code vmName}, into fact {@code ipFact} [WaitForGuestAgentAction]. */
    Action<ActionResult> waitForIp(String vmName, String ipFact);

    /** Install Proxmox VE on {@code inner_ip} (playbook pve-install.yml) [AnsiblePlaybookAction]. */
    Action<ActionResult> installPve();

    /** Configure the inner PVE (playbook nested-pve-setup.yml: bridge, keys, API token) [AnsiblePlaybookAction]. */
    Action<ActionResult> configureInnerPve();

    /** Put the test image into the inner PVE's storage [DownloadGitHubReleaseAction]. */
    Action<ActionResult> downloadImage();

    /** Create the test VM on the inner PVE; fact {@code test_vm_id} [TofuApplyRemoteAction]. */
    Action<ActionResult> provisionOnInner();

    /** Start the test VM on the inner PVE [StartVMRemoteAction]. */
    Action<ActionResult> startOnInner();

    /** Wait for the test VM's IP on the inner PVE; fact {@code test_ip} [WaitForGuestAgentRemoteAction]. */
    Action<ActionResult> waitOnInner();

    /** SSH to {@code test_ip} through {@code inner_ip} [VerifySSHChainAction]. */
    Action<ActionResult> verifyChain();

    /**
     * Remove the test VM from the inner PVE, best effort, minting an API token over SSH first when the run has none
     * (a destructor run after its constructor) [DestroyRemoteVMAction].
     */
    Action<ActionResult> cleanupOnInner();

    /** Stop the inner PVE VM (already stopped or gone is success) [StopVMAction]. */
    Action<ActionResult> stopInner();

    /** Destroy the inner PVE VM [TofuDestroyAction]. */
    Action<ActionResult> destroyInner();

    /** Run pve-setup.yml, locally or on {@code remote_ip} [_PVESetupPhase]. */
    Action<ActionResult> pveSetup();

    /** Run user.yml, locally or on {@code remote_ip} [_UserPhase]. */
    Action<ActionResult> userSetup();

    /** Run the bootstrap installer on {@code vm_ip} [RunBootstrapAction]. */
    Action<ActionResult> runBootstrap();

    /** Check {@code homestak status} on {@code vm_ip} [VerifyInstallAction]. */
    Action<ActionResult> verifyInstall();

    /** Check the {@code homestak_user} and its sudo rule on {@code vm_ip} [VerifyUserAction]. */
    Action<ActionResult> verifyUser();
}
