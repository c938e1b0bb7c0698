package dev.homestak.sim.internal;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code POST .../clone} and {@code PUT .../resize}: the VM operations that copy or grow disks. */
final class CloneRoutes {

    private static final Pattern SIZE = Pattern.compile("^(\\+)?(\\d+(?:\\.\\d+)?)([KMGT]?)$");
    private final PveInstance pve;

    CloneRoutes(PveInstance pve) {
        this.pve = pve;
    }

    void register(Router router) {
        router.add("POST", "/nodes/{node}/qemu/{vmid}/clone", this::cloneVm)
                .add("PUT", "/nodes/{node}/qemu/{vmid}/resize", this::resize);
    }

    private String cloneVm(Call call) {
        int newid = Params.vmid("newid", call.required("newid"));
        Cluster cluster = pve.cluster();
        synchronized (cluster) {
            Vm source = cluster.vm(call.vmid());
            source.checkUnlocked();
            if (cluster.vms.containsKey(newid)) {
                throw PveError.of("unable to create VM " + newid + " - VM " + newid + " already exists on node '"
                        + cluster.node + "'");
            }
            Vm copy = new Vm(newid);
            copy.pve = source.pve;
            for (Map.Entry<String, String> e : source.config.entrySet()) {
                String value = e.getValue();
                if (Disks.isDisk(e.getKey()) && !value.contains("media=cdrom")) {
                    String store = call.param("storage").orElse(value.substring(0, value.indexOf(':')));
                    value = Disks.allocate(
                            cluster.storage,
                            newid,
                            e.getKey(),
                            store + ":" + Math.max(1, Disks.size(value) >> 30),
                            copy.config);
                } else if (NetDevices.isNet(e.getKey())) {
                    value = NetDevices.withNewMac(e.getKey(), value);
                }
                copy.config.put(e.getKey(), value);
            }
            copy.config.remove("template");
            copy.config.put("name", call.param("name").orElse("Copy-of-VM-" + source.name()));
            call.param("description").ifPresent(d -> copy.config.put("description", d));
            copy.config.put("smbios1", "uuid=" + UUID.randomUUID());
            copy.config.put("vmgenid", UUID.randomUUID().toString());
            copy.config.put("lock", "clone");
            cluster.vms.put(newid, copy);
            return cluster.submit(
                    call,
                    "qmclone",
                    Integer.toString(source.vmid),
                    copy,
                    TaskWork.of(() -> copy.config.remove("lock"), () -> cluster.remove(copy)));
        }
    }

    private String resize(Call call) {
        String disk = call.required("disk");
        String size = call.required("size");
        Matcher m = SIZE.matcher(size);
        if (!m.matches()) {
            throw PveError.param("size", "value does not match the regex pattern");
        }
        Cluster cluster = pve.cluster();
        synchronized (cluster) {
            Vm vm = cluster.vm(call.vmid());
            vm.checkUnlocked();
            String value = vm.config.get(disk);
            if (value == null) {
                throw PveError.of("disk '" + disk + "' does not exist");
            }
            long current = Disks.size(value);
            long amount = bytes(m.group(2), m.group(3));
            long wanted = m.group(1) != null ? current + amount : amount;
            if (wanted < current) {
                throw PveError.of("shrinking disks is not supported");
            }
            return cluster.submit(call, "resize", Integer.toString(vm.vmid), vm, () -> {
                vm.config.computeIfPresent(disk, (k, v) -> Disks.withSize(v, wanted));
                return Optional.empty();
            });
        }
    }

    private static long bytes(String number, String unit) {
        double n = Double.parseDouble(number);
        long factor = switch (unit) {
            case "K" -> 1L << 10;
            case "M" -> 1L << 20;
            case "G" -> 1L << 30;
            case "T" -> 1L << 40;
            default -> 1;
        };
        return (long) (n * factor);
    }
}
