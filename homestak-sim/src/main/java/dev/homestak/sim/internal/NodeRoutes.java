package dev.homestak.sim.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /version}, {@code /nodes}, node status and storage list, {@code /cluster/*}. */
final class NodeRoutes {

    static final String VERSION = "9.1.1";
    private final PveInstance pve;

    NodeRoutes(PveInstance pve) {
        this.pve = pve;
    }

    void register(Router router) {
        router.add("GET", "/version", c -> Map.of("version", VERSION, "release", "9.1", "repoid", "42d9a9bd3b8cac4c"))
                .add("GET", "/nodes", c -> List.of(nodeEntry()))
                .add("GET", "/nodes/{node}/status", c -> status())
                .add("GET", "/nodes/{node}/storage", c -> storages())
                .add("GET", "/cluster/resources", this::resources)
                .add(
                        "GET",
                        "/cluster/status",
                        c -> List.of(Map.of(
                                "type",
                                "node",
                                "name",
                                pve.node(),
                                "id",
                                "node/" + pve.node(),
                                "online",
                                1,
                                "local",
                                1,
                                "nodeid",
                                1,
                                "ip",
                                pve.address())))
                .add("GET", "/cluster/nextid", this::nextid);
    }

    private Map<String, Object> nodeEntry() {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("node", pve.node());
        node.put("status", "online");
        node.put("type", "node");
        node.put("id", "node/" + pve.node());
        node.put("cpu", 0.02);
        node.put("maxcpu", 8);
        node.put("mem", 4L << 30);
        node.put("maxmem", 32L << 30);
        node.put("uptime", uptime());
        node.put("level", "");
        node.put("ssl_fingerprint", pve.fingerprint());
        return node;
    }

    private long uptime() {
        return Duration.between(pve.startedAt(), pve.runtime().clock().instant())
                .toSeconds();
    }

    private Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("cpu", 0.02);
        status.put("wait", 0);
        status.put("uptime", uptime());
        status.put("loadavg", List.of("0.10", "0.12", "0.09"));
        status.put("cpuinfo", Map.of("cores", 8, "cpus", 8, "sockets", 1, "model", "Simulated CPU", "mhz", "3000"));
        status.put("memory", Map.of("total", 32L << 30, "used", 4L << 30, "free", 28L << 30, "available", 28L << 30));
        status.put("swap", Map.of("total", 0, "used", 0, "free", 0));
        status.put("rootfs", Map.of("total", 100L << 30, "used", 10L << 30, "free", 90L << 30, "avail", 90L << 30));
        status.put("pveversion", "pve-manager/" + VERSION + "/simulated");
        status.put("kversion", "Linux 6.17.2-1-pve #1 SMP PREEMPT_DYNAMIC");
        status.put("boot-info", Map.of("mode", "efi", "secureboot", 0));
        return status;
    }

    private List<Map<String, Object>> storages() {
        List<Map<String, Object>> list = new ArrayList<>();
        Cluster cluster = pve.cluster();
        synchronized (cluster) {
            for (Storage.Def def : cluster.storage.defs()) {
                long used = cluster.storage.used(def.id());
                long total = 500L << 30;
                list.add(Map.of(
                        "storage",
                        def.id(),
                        "type",
                        def.type(),
                        "content",
                        String.join(",", def.content().stream().sorted().toList()),
                        "active",
                        1,
                        "enabled",
                        1,
                        "shared",
                        0,
                        "total",
                        total,
                        "used",
                        used,
                        "avail",
                        total - used));
            }
        }
        return list;
    }

    private List<Map<String, Object>> resources(Call call) {
        String type = call.param("type").orElse("");
        List<Map<String, Object>> list = new ArrayList<>();
        if (type.isEmpty() || type.equals("node")) {
            list.add(nodeEntry());
        }
        Cluster cluster = pve.cluster();
        synchronized (cluster) {
            if (type.isEmpty() || type.equals("vm")) {
                cluster.vms.values().forEach(vm -> list.add(QemuRoutes.summary(cluster, vm, true)));
            }
            if (type.isEmpty() || type.equals("storage")) {
                for (Storage.Def def : cluster.storage.defs()) {
                    list.add(Map.of(
                            "id",
                            "storage/" + pve.node() + "/" + def.id(),
                            "type",
                            "storage",
                            "storage",
                            def.id(),
                            "node",
                            pve.node(),
                            "status",
                            "available",
                            "plugintype",
                            def.type(),
                            "content",
                            String.join(",", def.content().stream().sorted().toList()),
                            "shared",
                            0,
                            "disk",
                            cluster.storage.used(def.id()),
                            "maxdisk",
                            500L << 30));
                }
            }
        }
        return list;
    }

    private String nextid(Call call) {
        Cluster cluster = pve.cluster();
        synchronized (cluster) {
            if (call.param("vmid").isPresent()) {
                int vmid = Params.vmid("vmid", call.param("vmid").get());
                if (cluster.vms.containsKey(vmid)) {
                    throw PveError.param("vmid", "VM " + vmid + " already exists");
                }
                return Integer.toString(vmid);
            }
            int next = 100;
            while (cluster.vms.containsKey(next)) {
                next++;
            }
            return Integer.toString(next); // a string, as real PVE sends it
        }
    }
}
