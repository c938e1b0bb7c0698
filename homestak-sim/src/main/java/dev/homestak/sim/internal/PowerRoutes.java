package dev.homestak.sim.internal;

import java.util.Optional;

/** {@code .../status/start|stop|shutdown|reboot}: power tasks with PVE's checks and texts. */
final class PowerRoutes {

    private static final String STATUS = "/nodes/{node}/qemu/{vmid}/status/";
    private final PveInstance pve;

    PowerRoutes(PveInstance pve) {
        this.pve = pve;
    }

    void register(Router router) {
        router.add("POST", STATUS + "start", this::start)
                .add("POST", STATUS + "stop", c -> halt(c, "qmstop"))
                .add("POST", STATUS + "shutdown", c -> halt(c, "qmshutdown"))
                .add("POST", STATUS + "reboot", this::reboot);
    }

    private String start(Call call) {
        Cluster cluster = pve.cluster();
        synchronized (cluster) {
            Vm vm = cluster.vm(call.vmid());
            vm.checkUnlocked();
            // the "already running" check happens in the worker, so the task fails, not the call
            return cluster.submit(call, "qmstart", Integer.toString(vm.vmid), vm, () -> {
                if (vm.running()) {
                    return Optional.of("VM " + vm.vmid + " already running");
                }
                cluster.guests.boot(vm, cluster.now());
                return Optional.empty();
            });
        }
    }

    private String halt(Call call, String type) {
        Cluster cluster = pve.cluster();
        synchronized (cluster) {
            Vm vm = cluster.vm(call.vmid());
            vm.checkUnlocked();
            return cluster.submit(call, type, Integer.toString(vm.vmid), vm, () -> {
                cluster.guests.halt(vm);
                return Optional.empty();
            });
        }
    }

    private String reboot(Call call) {
        Cluster cluster = pve.cluster();
        synchronized (cluster) {
            Vm vm = cluster.vm(call.vmid());
            vm.checkUnlocked();
            if (!vm.running()) {
                throw PveError.of("VM " + vm.vmid + " not running");
            }
            return cluster.submit(call, "qmreboot", Integer.toString(vm.vmid), vm, () -> {
                cluster.guests.halt(vm);
                cluster.guests.boot(vm, cluster.now());
                return Optional.empty();
            });
        }
    }
}
