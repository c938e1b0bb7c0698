package dev.homestak.sim.internal;

import dev.homestak.sim.PowerState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code /nodes/{node}/qemu}: list, create, clone, config, resize, current status, destroy. */
final class QemuRoutes {

    private static final String VM = "/nodes/{node}/qemu/{vmid}";
    private final PveInstance pve;

    QemuRoutes(PveInstance pve) {
        this.pve = pve;
    }

    void register(Router router) {
        router.add("GET", "/nodes/{node}/qemu", c -> list())
                .add("POST", "/nodes/{node}/qemu", this::create)
                .add("GET", VM + "/config", c -> ConfigEdit.view(pve.cluster().vm(c.vmid())))
                .add("PUT", VM + "/config", this::setConfig)
                .add("POST", VM + "/config", this::setConfigAsync)
                .add("GET", VM + "/status/current", c -> current(c.vmid()))
                .add("DELETE", VM, this::destroy);
        new CloneRoutes(pve).register(router);
    }

    /** A VM's entry in the qemu list and in {@code /cluster/resources}. */
    static Map<String, Object> summary(Cluster cluster, Vm vm, boolean resource) {
        Map<String, Object> entry = new LinkedHashMap<>();
        if (resource) {
            entry.put("id", "qemu/" + vm.vmid);
            entry.put("type", "qemu");
            entry.put("node", cluster.node);
        }
        entry.put("vmid", vm.vmid);
        entry.put("name", vm.name());
        entry.put("status", vm.status.pve());
        vm.lock().ifPresent(l -> entry.put("lock", l));
        entry.put("template", vm.config.containsKey("template") ? 1 : 0);
        entry.put("maxcpu", Integer.parseInt(vm.config.getOrDefault("cores", "1")));
        entry.put("maxmem", Long.parseLong(vm.config.getOrDefault("memory", "512")) << 20);
        entry.put(
                "maxdisk",
                vm.config.entrySet().stream()
                        .filter(e -> Disks.isDisk(e.getKey()))
                        .mapToLong(e -> Disks.size(e.getValue()))
                        .sum());
        entry.put(
                "uptime",
                vm.bootedAt == null
                        ? 0
                        : Duration.between(vm.bootedAt, cluster.now()).toSeconds());
        if (vm.config.containsKey("tags")) {
            entry.put("tags", vm.config.get("tags"));
        }
        return entry;
    }

    private List<Map<String, Object>> list() {
        Cluster cluster = pve.cluster();
        synchronized (cluster) {
            List<Map<String, Object>> list = new ArrayList<>();
            cluster.vms.values().forEach(vm -> list.add(summary(cluster, vm, false)));
            return list;
        }
    }

    private String create(Call call) {
        int vmid = Params.vmid("vmid", call.required("vmid"));
        Cluster cluster = pve.cluster();
        synchronized (cluster) {
            if (cluster.vms.containsKey(vmid)) {
                throw PveError.of("unable to create VM " + vmid + " - VM " + vmid + " already exists on node '"
                        + cluster.node + "'");
            }
            Vm vm = new Vm(vmid);
            ConfigEdit.apply(cluster.storage, vm, call.params());
            if (!vm.config.containsKey("boot")
                    && !BootOrder.defaultFor(vm.config).isEmpty()) {
                vm.config.put("boot", BootOrder.defaultFor(vm.config));
            }
            vm.config.putIfAbsent("smbios1", "uuid=" + UUID.randomUUID());
            vm.config.putIfAbsent("vmgenid", UUID.randomUUID().toString());
            vm.config.put("meta", "creation-qemu=9.2.0,ctime=" + cluster.now().getEpochSecond());
            vm.config.put("lock", "create");
            cluster.vms.put(vmid, vm);
            boolean start = call.flag("start");
            return cluster.submit(
                    call,
                    "qmcreate",
                    Integer.toString(vmid),
                    vm,
                    TaskWork.of(
                            () -> {
                                vm.config.remove("lock");
                                if (start) {
                                    cluster.guests.boot(vm, cluster.now());
                                }
                            },
                            () -> cluster.remove(vm)));
        }
    }

    private Object setConfig(Call call) {
        Cluster cluster = pve.cluster();
        synchronized (cluster) {
            Vm vm = cluster.vm(call.vmid());
            cluster.awaitFlock(vm);
            vm.checkUnlocked();
            ConfigEdit.checkDigest(vm, call.params());
            ConfigEdit.apply(cluster.storage, vm, call.params());
            return null;
        }
    }

    private String setConfigAsync(Call call) {
        Cluster cluster = pve.cluster();
        synchronized (cluster) {
            Vm vm = cluster.vm(call.vmid());
            vm.checkUnlocked();
            ConfigEdit.checkDigest(vm, call.params());
            return cluster.submit(call, "qmconfig", Integer.toString(vm.vmid), vm, () -> {
                try {
                    ConfigEdit.apply(cluster.storage, vm, call.params());
                    return java.util.Optional.empty();
                } catch (PveError e) {
                    return java.util.Optional.of(e.getMessage());
                }
            });
        }
    }

    private Map<String, Object> current(int vmid) {
        Cluster cluster = pve.cluster();
        synchronized (cluster) {
            Vm vm = cluster.vm(vmid);
            Map<String, Object> status = summary(cluster, vm, false);
            status.put("qmpstatus", vm.status.pve());
            status.put("agent", vm.agentConfigured() ? 1 : 0);
            status.put("cpus", status.get("maxcpu"));
            status.put("mem", vm.running() ? (Long) status.get("maxmem") / 2 : 0);
            status.put("ha", Map.of("managed", 0));
            if (vm.running()) {
                status.put("pid", 10_000 + vm.vmid);
                status.put("running-machine", "pc-i440fx-9.2+pve1");
                status.put("running-qemu", "9.2.0");
            }
            return status;
        }
    }

    private String destroy(Call call) {
        Cluster cluster = pve.cluster();
        synchronized (cluster) {
            Vm vm = cluster.vm(call.vmid());
            vm.checkUnlocked();
            if (vm.status == PowerState.RUNNING) {
                throw PveError.of("VM " + vm.vmid + " is running - destroy failed");
            }
            if (vm.config.containsKey("protection")
                    && vm.config.get("protection").equals("1")) {
                throw PveError.of("can't remove VM " + vm.vmid + " - protection mode enabled");
            }
            return cluster.submit(
                    call, "qmdestroy", Integer.toString(vm.vmid), vm, TaskWork.of(() -> cluster.remove(vm), () -> {}));
        }
    }
}
