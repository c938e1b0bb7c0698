package dev.homestak.actions;

import dev.homestak.core.Facts;
import dev.homestak.core.HostConfig;
import dev.homestak.core.Provisioner;
import dev.homestak.proxmox.Polling;
import dev.homestak.proxmox.ProxmoxClient;
import dev.homestak.proxmox.TaskResult;
import dev.homestak.proxmox.TlsPolicy;
import dev.homestak.proxmox.model.CreateVmRequest;
import dev.homestak.sim.ClientKey;
import dev.homestak.sim.FaultRule;
import dev.homestak.sim.Simulator;
import dev.homestak.sim.SimulatorBuilder;
import dev.homestak.sim.Timing;
import dev.homestak.sim.VmView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A simulated PVE for the action tests: the simulator, a host config for its node (endpoint, token,
 * pinned fingerprint, {@code local-lvm}), a user key its VMs accept, and contexts wired to it.
 */
final class SimHost implements AutoCloseable {

    final Simulator sim;
    final HostConfig host;
    final Path keyFile;
    final String publicKeyLine;
    final java.security.PublicKey publicKey;
    private final ProxmoxClients clients;
    private final ProxmoxClient admin;

    private SimHost(Simulator sim, Path keyFile, String publicKeyLine, java.security.PublicKey publicKey) {
        this.sim = sim;
        this.publicKey = publicKey;
        this.keyFile = keyFile;
        this.publicKeyLine = publicKeyLine;
        this.host = HostConfig.builder()
                .name("pve")
                .file(Path.of("nodes/pve.yaml"))
                .apiEndpoint(sim.baseUri())
                .apiToken(java.util.Optional.of(sim.apiToken()))
                .tlsFingerprint(sim.fingerprintSha256())
                .sshHost(sim.host())
                .datastore("local-lvm")
                .provisioner(Provisioner.API)
                .vmSshPort(sim.sshPort())
                .sshKeys(List.of(publicKeyLine))
                .siteDefaults(Map.of("bridge", "vmbr0"))
                .build();
        this.clients = ProxmoxClients.builder()
                .tuning(fast())
                .nestedPort(sim.port())
                .nestedTls(this::nestedTls)
                .build();
        this.admin = ProxmoxClient.builder()
                .baseUri(sim.baseUri())
                .auth(dev.homestak.proxmox.Auth.parseToken(sim.apiToken()).get())
                .tls(TlsPolicy.pinnedSha256(sim.fingerprintSha256()))
                .build()
                .get();
    }

    /** Starts a simulator with the given timing and faults. */
    static SimHost start(Path tmp, Timing timing, FaultRule... faults) throws Exception {
        ClientKey key = ClientKey.generate(tmp.resolve("id_ecdsa"), "test@homestak");
        SimulatorBuilder builder = Simulator.builder()
                .timing(timing)
                // the nested-PVE actions reach a nested API directly, as on upstream's bridged network
                .innerNonRoutable(false)
                .authorizedKeys("test", List.of(key.authorizedKey()));
        for (FaultRule f : faults) {
            builder.fault(f);
        }
        return new SimHost(builder.start().get(), key.file(), key.authorizedKey(), key.publicKey());
    }

    /** Boot, agent and SSH all after {@code boot}; tasks take {@code task}. */
    static Timing timing(Duration task, Duration boot) {
        return new Timing(Map.of(), task, boot, boot, boot, Duration.ofSeconds(10), 1.0);
    }

    /** Polls quickly so that tests measure the simulator's timing, not the client's pauses. */
    static UnaryOperator<ProxmoxClient.Builder> fast() {
        return b -> b.polling(new Polling(Duration.ofMillis(10), Duration.ofMillis(50)));
    }

    /** A context on this host with {@code facts}. */
    ActionContext.Builder ctx(Facts facts) {
        SshClient ssh = SshClient.create(SshSettings.builder()
                .identityFiles(List.of(keyFile))
                .defaultPort(sim.sshPort())
                .connectTimeout(Duration.ofSeconds(5))
                .build());
        return ActionContext.builder().host(host).facts(facts).proxmox(clients).ssh(ssh);
    }

    /** The admin client (the test's own view). */
    ProxmoxClient api() {
        return admin;
    }

    /** Creates a stopped VM with the agent enabled and awaits the create task. */
    void createVm(int vmid, String name, String... options) {
        CreateVmRequest.Builder b = CreateVmRequest.builder(vmid)
                .name(name)
                .agent(true)
                .memoryMiB(512)
                .cores(1);
        for (int i = 0; i + 1 < options.length; i += 2) {
            b.option(options[i], options[i + 1]);
        }
        TaskResult done = admin.node(sim.node())
                .qemu()
                .create(b.build())
                .flatMap(t -> t.await(Duration.ofSeconds(30)))
                .get();
        if (done.outcome() != TaskResult.Outcome.OK) {
            throw new AssertionError("create " + vmid + ": " + done);
        }
    }

    /** Creates and starts a VM, awaiting both tasks. */
    void createRunningVm(int vmid, String name, String... options) {
        createVm(vmid, name, options);
        admin.node(sim.node())
                .qemu(vmid)
                .status()
                .start()
                .flatMap(t -> t.await(Duration.ofSeconds(30)))
                .get();
    }

    VmView vm(int vmid) {
        return sim.vm(vmid).orElseThrow(() -> new AssertionError("no VM " + vmid));
    }

    private TlsPolicy nestedTls(String address) {
        return sim.vms().stream()
                .filter(v -> v.address().equals(address))
                .findFirst()
                .flatMap(v -> sim.nested(v.vmid()))
                .map(n -> TlsPolicy.pinnedSha256(n.fingerprintSha256()))
                .orElseGet(TlsPolicy::systemTrust);
    }

    @Override
    public void close() {
        clients.close();
        admin.close();
        sim.close();
    }
}
