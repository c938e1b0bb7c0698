package dev.homestak.sim.internal;

import dev.homestak.core.Secret;
import dev.homestak.sim.RecordedRequest;
import dev.homestak.sim.TaskView;
import dev.homestak.sim.VmView;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One simulated PVE node: its HTTPS API (own certificate and tokens) and its state. The root
 * node serves from start to close; a nested one serves while the VM hosting it runs.
 */
public final class PveInstance implements AutoCloseable {

    /** The token every instance creates at start ({@code root@pam!homestak}). */
    public static final String TOKEN_USER = "root@pam";

    public static final String TOKEN_ID = "homestak";

    private final SimRuntime runtime;
    private final String node;
    private final InetAddress address;
    private final AddressPlan plan;
    private final TlsIdentity tls;
    private final TokenStore tokens = new TokenStore();
    private final Secret tokenValue;
    private final Cluster cluster;
    private final ApiServer api;
    private final Instant startedAt;
    private final GuestState hostState = new GuestState();
    private final Network network;
    private final @Nullable PveInstance parent;
    private final @Nullable String machine;
    private int port;
    private @Nullable HttpsServer http;

    /**
     * A PVE instance: the root ({@code parent} and {@code machine} null), or one served by the VM of {@code parent}
     * whose guest id is {@code machine}.
     */
    PveInstance(
            SimRuntime runtime,
            String node,
            InetAddress address,
            AddressPlan plan,
            int port,
            @Nullable PveInstance parent,
            @Nullable String machine) {
        this.runtime = runtime;
        this.parent = parent;
        this.machine = machine;
        this.node = node;
        this.address = address;
        this.plan = plan;
        this.port = port;
        this.tls = TlsIdentity.generate(node, address);
        this.tokenValue = Secret.of(UUID.randomUUID().toString());
        tokens.put(TOKEN_USER, TOKEN_ID, tokenValue);
        this.cluster = new Cluster(node, runtime, new Guests(this));
        // the root node was set up by PVE's installer (vmbr0 on its NIC); a nested one (PVE installed on Debian)
        // has only its VM NIC until a playbook creates the bridge
        boolean isRoot = runtime.root() == null;
        this.network = new Network(isRoot ? "eno1" : "ens18", isRoot, address.getHostAddress() + "/24");
        Router router = new Router();
        new NodeRoutes(this).register(router);
        new QemuRoutes(this).register(router);
        new PowerRoutes(this).register(router);
        new AgentRoutes(this).register(router);
        new StorageRoutes(this).register(router);
        new AccessRoutes(this).register(router);
        new TaskRoutes(this).register(router);
        new SdnRoutes(this).register(router);
        new NetworkRoutes(this).register(router);
        new DatacenterRoutes(this).register(router);
        new SnapshotRoutes(this).register(router);
        this.api = new ApiServer(this, router);
        this.startedAt = runtime.clock().instant();
    }

    /** Starts serving HTTPS (again), on the same port as before when there was one. */
    public synchronized void serve() throws IOException {
        if (http != null) {
            return;
        }
        try {
            http = HttpsServer.start(
                    new InetSocketAddress(address, port), tls.serverContext(), "sim-" + node, api::handle);
        } catch (IOException e) {
            if (port == 0) {
                throw e;
            }
            // the preferred port is taken on this address: any port will do
            http = HttpsServer.start(
                    new InetSocketAddress(address, 0), tls.serverContext(), "sim-" + node, api::handle);
        }
        port = http.port();
        if (machine != null && parent != null && runtime.settings().innerNonRoutable()) {
            SshService ssh = runtime.ssh();
            http.admitting(connection -> ssh.forwarded(connection.getRemoteSocketAddress(), 2000));
            // the API answers its own machine and the host of the network that machine is in
            ssh.restrict(
                    new InetSocketAddress(address, port),
                    java.util.Set.of(
                            machine,
                            parent.behindHost().orElse(parent.hostGuest().id())));
        }
    }

    /**
     * The guest id of the machine that serves this PVE when its network is not routable from the controller
     * ({@link Settings#innerNonRoutable()}): the machines inside are then reached only through it. Empty for the root.
     */
    Optional<String> behindHost() {
        return machine != null && runtime.settings().innerNonRoutable() ? Optional.of(machine) : Optional.empty();
    }

    /** Stops serving and stops every VM (the host went down). */
    public void halt() {
        synchronized (this) {
            if (http != null) {
                runtime.ssh().unrestrict(new InetSocketAddress(address, port));
                http.close();
                http = null;
            }
        }
        synchronized (cluster) {
            for (Vm vm : List.copyOf(cluster.vms.values())) {
                cluster.guests.halt(vm);
            }
        }
    }

    @Override
    public void close() {
        halt();
        synchronized (cluster) {
            for (Vm vm : List.copyOf(cluster.vms.values())) {
                cluster.guests.destroy(vm);
            }
        }
    }

    public synchronized boolean serving() {
        return http != null;
    }

    public String node() {
        return node;
    }

    public String address() {
        return address.getHostAddress();
    }

    public synchronized int port() {
        return port;
    }

    /** {@code https://<address>:<port>/api2/json}. */
    public URI baseUri() {
        return URI.create("https://" + address() + ":" + port() + RequestParser.PREFIX);
    }

    public String fingerprint() {
        return tls.fingerprintSha256();
    }

    public String certificatePem() {
        try {
            String base64 = java.util.Base64.getMimeEncoder(
                            64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .encodeToString(tls.certificate().getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("generated certificate cannot be encoded", e);
        }
    }

    /** The full token {@code root@pam!homestak=<uuid>}. */
    public Secret apiToken() {
        return Secret.of(TOKEN_USER + "!" + TOKEN_ID + "=" + tokenValue.reveal());
    }

    /** Accepts another token (e.g. the site's configured one). */
    public void acceptToken(String user, String tokenId, Secret value) {
        tokens.put(user, tokenId, value);
    }

    public Instant startedAt() {
        return startedAt;
    }

    public List<VmView> vms() {
        synchronized (cluster) {
            List<VmView> views = new ArrayList<>();
            for (Vm vm : cluster.vms.values()) {
                views.add(new VmView(
                        vm.vmid,
                        node,
                        vm.name(),
                        vm.status,
                        vm.lock(),
                        vm.config,
                        plan.address(vm.vmid).getHostAddress(),
                        vm.sshBound != null
                                ? vm.sshBound.getPort()
                                : runtime.ssh().port(),
                        vm.sshBound != null,
                        vm.pve));
            }
            return views;
        }
    }

    public List<TaskView> tasks() {
        return cluster.taskViews();
    }

    public List<RecordedRequest> requests() {
        return api.recorded();
    }

    /** Marks a VM as a PVE host (the simulated pve-install ran); false when there is no such VM. */
    public boolean markPveInstalled(int vmid) {
        synchronized (cluster) {
            Optional<Vm> vm = cluster.find(vmid);
            vm.ifPresent(v -> {
                v.pve = true;
                cluster.guests.poll(v, cluster.now());
            });
            return vm.isPresent();
        }
    }

    /** The nested PVE a VM serves, while it serves. */
    public Optional<PveInstance> nested(int vmid) {
        synchronized (cluster) {
            return cluster.find(vmid).map(vm -> vm.nested).filter(PveInstance::serving);
        }
    }

    /** Applies whatever is due on the clock now. */
    public void advance() {
        cluster.advance();
    }

    boolean busy() {
        return cluster.busy();
    }

    SimRuntime runtime() {
        return runtime;
    }

    Cluster cluster() {
        return cluster;
    }

    ApiServer apiServer() {
        return api;
    }

    Network network() {
        return network;
    }

    GuestState hostState() {
        return hostState;
    }

    TokenStore tokens() {
        return tokens;
    }

    AddressPlan plan() {
        return plan;
    }

    Guest guestOf(Vm vm) {
        return new VmGuest(cluster, vm);
    }

    Guest hostGuest() {
        return new HostGuest(this);
    }
}
