package dev.homestak.sim.internal;

import dev.homestak.sim.Timing;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What all PVE instances of one simulator share: clock, timing, faults, validation, the SSH
 * server, and the ticker that ends tasks and boots guests as simulated time passes.
 */
public final class SimRuntime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimRuntime.class);
    private static final long TICK_MS = 5;

    private final Settings settings;
    private final FaultInjector faults;
    private final AddressPlan plan;
    private final List<PveInstance> instances = new CopyOnWriteArrayList<>();
    private final AtomicInteger nestedCount = new AtomicInteger();
    private final PveInstance root;
    private @Nullable SshService ssh;
    private @Nullable ScheduledExecutorService ticker;

    private SimRuntime(Settings settings) {
        this.settings = settings;
        this.faults = new FaultInjector(settings.faults(), settings.seed(), settings.clock());
        AddressPlan detected = AddressPlan.detect();
        this.plan = settings.perVmAddresses().map(b -> new AddressPlan(b, 0)).orElse(detected);
        this.root =
                new PveInstance(this, settings.node(), AddressPlan.loopback(), plan, settings.apiPort(), null, null);
        instances.add(root);
    }

    /** Starts the root API, the SSH server and (unless time never passes) the ticker. */
    public static SimRuntime start(Settings settings) throws IOException {
        SimRuntime runtime = new SimRuntime(settings);
        try {
            runtime.ssh = SshService.start(
                    AddressPlan.loopback(), settings.sshPort(), settings.keys(), runtime.root.hostGuest());
            runtime.root.serve();
        } catch (IOException | RuntimeException e) {
            runtime.close();
            throw e;
        }
        if (settings.timing().speedFactor() > 0) {
            runtime.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sim-ticker-" + settings.node());
                t.setDaemon(true);
                return t;
            });
            runtime.ticker.scheduleWithFixedDelay(runtime::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        }
        return runtime;
    }

    /** The root PVE node. */
    public PveInstance root() {
        return root;
    }

    public Clock clock() {
        return settings.clock();
    }

    public Timing timing() {
        return settings.timing();
    }

    public FaultInjector faults() {
        return faults;
    }

    public Settings settings() {
        return settings;
    }

    /** The SSH server shared by the host and every VM. */
    public SshService ssh() {
        if (ssh == null) {
            throw new IllegalStateException("SSH server not started");
        }
        return ssh;
    }

    /** True when every VM gets its own loopback address. */
    public boolean perVmAddresses() {
        return plan.perVmAddresses();
    }

    private final java.util.List<dev.homestak.sim.RecordedRequest> everyRequest =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Every request any instance (the root and each nested PVE) received, in arrival order. */
    public java.util.List<dev.homestak.sim.RecordedRequest> everyRequest() {
        return java.util.List.copyOf(everyRequest);
    }

    void record(dev.homestak.sim.RecordedRequest request) {
        if (everyRequest.size() < 100_000) {
            everyRequest.add(request);
        }
    }

    RequestValidator validator() {
        return settings.validator();
    }

    /** Creates the PVE instance VM {@code machine} of {@code parent} serves (not yet serving). */
    PveInstance nested(String name, InetAddress address, PveInstance parent, Guest machine) {
        AddressPlan nestedPlan = plan.nested(nestedCount.incrementAndGet());
        int port = plan.perVmAddresses() ? root.port() : 0;
        PveInstance nested = new PveInstance(
                this, name.replaceAll("[^a-zA-Z0-9-]", "-"), address, nestedPlan, port, parent, machine.id());
        instances.add(nested);
        return nested;
    }

    /** Forgets a nested instance that was closed for good. */
    void forget(PveInstance instance) {
        instances.remove(instance);
    }

    /** Ends due tasks and moves guests along in every instance. */
    public void tick() {
        for (PveInstance instance : instances) {
            try {
                if (instance.busy()) {
                    instance.advance();
                }
            } catch (RuntimeException e) {
                // a bug in the simulator must not kill the ticker thread silently
                log.error("simulator tick failed", e);
            }
        }
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        for (PveInstance instance : instances) {
            instance.close();
        }
        if (ssh != null) {
            ssh.close();
        }
    }
}
