package dev.homestak.sim;

import dev.homestak.core.HostConfig;
import dev.homestak.core.Secret;
import dev.homestak.sim.internal.PveInstance;
import dev.homestak.sim.internal.SimRuntime;
import io.vavr.control.Either;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An embedded Proxmox VE: a real HTTPS API on loopback with PVE's shapes and error texts, VMs
 * whose tasks take simulated time, a real SSH server per running VM, nested PVE in VMs built from
 * PVE images, and reproducible fault injection; plus inspection for tests.
 *
 * <p>Start one with {@link #builder()}; close it to stop every server and thread it started. A
 * nested PVE ({@link #nested(int)}) is a {@code Simulator} too, sharing its parent's clock,
 * timing, faults and SSH server; closing it is a no-op (its VM's lifecycle owns it).
 */
public final class Simulator implements AutoCloseable {

    private final SimRuntime runtime;
    private final PveInstance pve;
    private final boolean owner;

    Simulator(SimRuntime runtime, PveInstance pve, boolean owner) {
        this.runtime = runtime;
        this.pve = pve;
        this.owner = owner;
    }

    /** A builder with instant timing, no faults, node {@code pve} and free ports. */
    public static SimulatorBuilder builder() {
        return new SimulatorBuilder();
    }

    /** The API base, {@code https://127.0.0.1:<port>/api2/json}. */
    public URI baseUri() {
        return pve.baseUri();
    }

    /** The address the API listens on. */
    public String host() {
        return pve.address();
    }

    /** The port the API listens on. */
    public int port() {
        return pve.port();
    }

    /** The node name ({@code pve} unless configured). */
    public String node() {
        return pve.node();
    }

    /** SHA-256 fingerprint of the API's certificate, {@code AA:BB:...}, for clients to pin. */
    public String fingerprintSha256() {
        return pve.fingerprint();
    }

    /** The API's self-signed certificate in PEM, for clients that trust a CA file instead. */
    public String certificatePem() {
        return pve.certificatePem();
    }

    /** The token id the simulator created at start, {@code root@pam!homestak}. */
    public String tokenId() {
        return PveInstance.TOKEN_USER + "!" + PveInstance.TOKEN_ID;
    }

    /** The full API token {@code root@pam!homestak=<uuid>} (sent as {@code PVEAPIToken=<this>}). */
    public Secret apiToken() {
        return pve.apiToken();
    }

    /** The port every VM's SSH server listens on (per VM, see {@link VmView#sshPort()}, where VMs share 127.0.0.1). */
    public int sshPort() {
        return runtime.ssh().port();
    }

    /** True when every VM has its own loopback address (Linux); false when all share 127.0.0.1. */
    public boolean perVmAddresses() {
        return runtime.perVmAddresses();
    }

    /** The public keys every VM's SSH server accepts, as OpenSSH lines (without comments). */
    public List<String> authorizedKeys() {
        return runtime.ssh().authorizedKeys();
    }

    /**
     * A host config for this simulator, as the CLI's {@code --host sim} and the scenario tests use
     * it: its endpoint, token and pinned fingerprint, {@code provisioner: api}, datastore
     * {@code local-lvm}, the VMs' SSH port, and the keys the VMs accept.
     *
     * @param name the host's name (its primary key, e.g. {@code sim})
     */
    public HostConfig hostConfig(String name) {
        return SimHostConfig.of(this, name);
    }

    /**
     * The same host as a site-config node file ({@code nodes/<name>.yaml}), for tests that write a site-config:
     * {@code api_endpoint}, {@code node}, {@code provisioner: api}, {@code tls_fingerprint} and {@code vm_ssh_port}.
     * Its token goes into {@code secrets.yaml} under {@code api_tokens}, by the file's name.
     */
    public String nodeYaml() {
        return "api_endpoint: \"https://" + host() + ":" + port() + "\"\n"
                + "node: " + node() + "\n"
                + "provisioner: api\n"
                + "tls_fingerprint: \"" + fingerprintSha256() + "\"\n"
                + "vm_ssh_port: " + sshPort() + "\n";
    }

    /** Every VM with its state, by VM id. */
    public List<VmView> vms() {
        return pve.vms();
    }

    /** One VM. */
    public Optional<VmView> vm(int vmid) {
        return vms().stream().filter(v -> v.vmid() == vmid).findFirst();
    }

    /** Every task, oldest first. */
    public List<TaskView> tasks() {
        return pve.tasks();
    }

    /**
     * Every request of the whole simulation, in arrival order: the root PVE's and those of every nested PVE
     * served in its VMs (the path names the node; a nested one is named after its VM).
     */
    public List<RecordedRequest> requestsIncludingNested() {
        return runtime.everyRequest();
    }

    /** Every request received, oldest first. */
    public List<RecordedRequest> requests() {
        return pve.requests();
    }

    /** Every fault injected so far (in this simulator and its nested ones). */
    public List<InjectedFault> faults() {
        return runtime.faults().log();
    }

    /** How many faults of a kind were injected. */
    public long faultCount(FaultKind kind) {
        return faults().stream().filter(f -> f.kind() == kind).count();
    }

    /** Authorizes another OpenSSH public key line on every VM's SSH server. */
    public Either<SimFailure, Simulator> authorizeKey(String openSshLine) {
        return dev.homestak.sim.internal.AuthorizedKeys.parse("key", List.of(openSshLine))
                .<SimFailure>mapLeft(reason -> new SimFailure.Invalid("authorized key", reason))
                .map(keys -> {
                    keys.forEach(runtime.ssh()::authorize);
                    return this;
                });
    }

    /** Adds a fault rule while running. */
    public void inject(FaultRule rule) {
        runtime.faults().add(rule);
    }

    /** Removes every fault rule (the log of injected faults stays). */
    public void clearFaults() {
        runtime.faults().clear();
    }

    /**
     * Marks a VM as a PVE host, as the simulated {@code pve-install} playbook does: once it runs
     * (and its SSH is up) it serves a nested PVE API at its address.
     */
    public Either<SimFailure, VmView> markPveInstalled(int vmid) {
        if (!pve.markPveInstalled(vmid)) {
            return Either.left(new SimFailure.NoSuchVm(node(), vmid));
        }
        return vm(vmid).<Either<SimFailure, VmView>>map(Either::right)
                .orElseGet(() -> Either.left(new SimFailure.NoSuchVm(node(), vmid)));
    }

    /** The nested PVE a VM serves, while its API is up. */
    public Optional<Simulator> nested(int vmid) {
        return pve.nested(vmid).map(n -> new Simulator(runtime, n, false));
    }

    /** This simulator and every nested PVE serving in it at any depth, outermost first (level by level). */
    public List<Simulator> withNested() {
        List<Simulator> all = new ArrayList<>(List.of(this));
        for (int i = 0; i < all.size(); i++) {
            Simulator level = all.get(i);
            level.vms().forEach(vm -> level.nested(vm.vmid()).ifPresent(all::add));
        }
        return List.copyOf(all);
    }

    /** Applies whatever simulated time has made due (useful right after moving a {@link dev.homestak.core.ManualClock}). */
    public void advance() {
        runtime.tick();
    }

    /** Stops the API, every VM's SSH and nested PVE, and the simulator's threads. */
    @Override
    public void close() {
        if (owner) {
            runtime.close();
        }
    }

    @Override
    public String toString() {
        return "Simulator[" + baseUri() + ", node=" + node() + "]";
    }

    /** For {@link SimulatorBuilder}. */
    static Simulator of(SimRuntime runtime) {
        return new Simulator(runtime, runtime.root(), true);
    }
}
