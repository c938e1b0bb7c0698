package dev.homestak.sim.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * VM snapshots ({@code /nodes/{node}/qemu/{vmid}/snapshot[/{snapname}[/config|/rollback]]}) and the pending
 * view of a VM's config ({@code .../pending}). Create, rollback and delete are tasks ({@code qmsnapshot},
 * {@code qmrollback}, {@code qmdelsnapshot}) holding the VM's {@code snapshot} lock; a snapshot keeps the
 * config of its time, and the current config names the newest one as {@code parent}, as PVE does. No disk
 * data or RAM state is kept ({@code vmstate} is recorded only).
 */
final class SnapshotRoutes {

    private static final String VM = "/nodes/{node}/qemu/{vmid}";
    private static final String SNAP = VM + "/snapshot/{snapname}";
    private final PveInstance pve;

    SnapshotRoutes(PveInstance pve) {
        this.pve = pve;
    }

    void register(Router router) {
        router.add("GET", VM + "/snapshot", this::list)
                .add("POST", VM + "/snapshot", this::create)
                .add("GET", SNAP, c -> {
                    snapshot(c);
                    return List.of(Map.of("cmd", "config"), Map.of("cmd", "rollback"));
                })
                .add("GET", SNAP + "/config", c -> new LinkedHashMap<>(snapshot(c)))
                .add("PUT", SNAP + "/config", this::describe)
                .add("POST", SNAP + "/rollback", this::rollback)
                .add("DELETE", SNAP, this::delete)
                .add("GET", VM + "/pending", this::pending);
    }

    private Object list(Call call) {
        Cluster cluster = pve.cluster();
        synchronized (cluster) {
            Vm vm = cluster.vm(call.vmid());
            List<Map<String, Object>> list = new ArrayList<>();
            vm.snapshots.forEach((name, conf) -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", name);
                entry.put("description", conf.getOrDefault("description", ""));
                entry.put("snaptime", Long.parseLong(conf.get("snaptime")));
                if (conf.containsKey("parent")) {
                    entry.put("parent", conf.get("parent"));
                }
                if (conf.containsKey("vmstate")) {
                    entry.put("vmstate", 1);
                }
                list.add(entry);
            });
            Map<String, Object> current = new LinkedHashMap<>();
            current.put("name", "current");
            current.put("description", "You are here!");
            current.put("running", vm.running() ? 1 : 0);
            if (vm.config.containsKey("parent")) {
                current.put("parent", vm.config.get("parent"));
            }
            list.add(current);
            return list;
        }
    }

    private String create(Call call) {
        String name = call.required("snapname");
        if (name.equals("current") || !name.matches("[A-Za-z][A-Za-z0-9_\\-]{1,39}")) {
            throw PveError.param("snapname", "invalid format - invalid configuration ID '" + name + "'");
        }
        Cluster cluster = pve.cluster();
        synchronized (cluster) {
            Vm vm = cluster.vm(call.vmid());
            vm.checkUnlocked();
            if (vm.snapshots.containsKey(name)) {
                throw PveError.of("snapshot name '" + name + "' already used");
            }
            vm.config.put("lock", "snapshot");
            return cluster.submit(
                    call,
                    "qmsnapshot",
                    Integer.toString(vm.vmid),
                    vm,
                    TaskWork.of(
                            () -> {
                                vm.config.remove("lock");
                                Map<String, String> conf = new LinkedHashMap<>(vm.config);
                                conf.put("snaptime", Long.toString(cluster.now().getEpochSecond()));
                                call.param("description").ifPresent(d -> conf.put("description", d));
                                if (call.flag("vmstate") && vm.running()) {
                                    conf.put("vmstate", "local-lvm:vm-" + vm.vmid + "-state-" + name);
                                }
                                vm.snapshots.put(name, conf);
                                vm.config.put("parent", name);
                            },
                            () -> vm.config.remove("lock")));
        }
    }

    private Object describe(Call call) {
        Cluster cluster = pve.cluster();
        synchronized (cluster) {
            Map<String, String> conf = snapshot(call);
            call.param("description").ifPresent(d -> conf.put("description", d));
            return null;
        }
    }

    private String rollback(Call call) {
        Cluster cluster = pve.cluster();
        synchronized (cluster) {
            Vm vm = cluster.vm(call.vmid());
            Map<String, String> conf = snapshot(call);
            vm.checkUnlocked();
            String name = call.var("snapname");
            boolean start = call.flag("start");
            return cluster.submit(
                    call,
                    "qmrollback",
                    Integer.toString(vm.vmid),
                    vm,
                    TaskWork.of(
                            () -> {
                                if (vm.running() && !conf.containsKey("vmstate")) {
                                    cluster.guests.halt(vm);
                                }
                                vm.config.clear();
                                conf.forEach((k, v) -> {
                                    if (!k.equals("snaptime") && !k.equals("description") && !k.equals("vmstate")) {
                                        vm.config.put(k, v);
                                    }
                                });
                                vm.config.put("parent", name);
                                if (start && !vm.running()) {
                                    cluster.guests.boot(vm, cluster.now());
                                }
                            },
                            () -> {}));
        }
    }

    private String delete(Call call) {
        Cluster cluster = pve.cluster();
        synchronized (cluster) {
            Vm vm = cluster.vm(call.vmid());
            snapshot(call);
            String name = call.var("snapname");
            return cluster.submit(
                    call,
                    "qmdelsnapshot",
                    Integer.toString(vm.vmid),
                    vm,
                    TaskWork.of(
                            () -> {
                                Map<String, String> removed = vm.snapshots.remove(name);
                                String parent = removed == null ? null : removed.get("parent");
                                // children of the deleted snapshot, and the current state, now hang on its parent
                                vm.snapshots.values().forEach(s -> reparent(s, name, parent));
                                reparent(vm.config, name, parent);
                            },
                            () -> {}));
        }
    }

    private static void reparent(Map<String, String> conf, String from, @org.jspecify.annotations.Nullable String to) {
        if (from.equals(conf.get("parent"))) {
            if (to == null) {
                conf.remove("parent");
            } else {
                conf.put("parent", to);
            }
        }
    }

    private Object pending(Call call) {
        Cluster cluster = pve.cluster();
        synchronized (cluster) {
            Vm vm = cluster.vm(call.vmid());
            List<Map<String, Object>> list = new ArrayList<>();
            vm.config.forEach((k, v) -> list.add(Map.of("key", k, "value", v)));
            return list;
        }
    }

    /** The snapshot named in the path, or PVE's error. */
    private Map<String, String> snapshot(Call call) {
        Cluster cluster = pve.cluster();
        synchronized (cluster) {
            Map<String, String> conf = cluster.vm(call.vmid()).snapshots.get(call.var("snapname"));
            if (conf == null) {
                throw PveError.of("snapshot '" + call.var("snapname") + "' does not exist");
            }
            return conf;
        }
    }
}
