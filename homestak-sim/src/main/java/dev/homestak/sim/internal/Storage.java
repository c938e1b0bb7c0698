package dev.homestak.sim.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The node's storages and their volumes: {@code local} (a directory storage for ISOs, templates,
 * imports, backups and snippets) and {@code local-lvm} (LVM-thin for VM disks), as a fresh PVE
 * install has them. Guarded by the cluster lock.
 */
final class Storage {

    /** A storage definition. */
    record Def(String id, String type, Set<String> content, boolean fileBased, String path) {}

    /** A volume. */
    record Volume(String volid, String content, String format, long size, int vmid, Optional<String> checksum) {}

    static final long GIB = 1L << 30;

    private final Map<String, Def> defs = new LinkedHashMap<>();
    private final Map<String, Volume> volumes = new LinkedHashMap<>();

    Storage() {
        defs.put(
                "local",
                new Def("local", "dir", Set.of("iso", "vztmpl", "backup", "import", "snippets"), true, "/var/lib/vz"));
        defs.put("local-lvm", new Def("local-lvm", "lvmthin", Set.of("images", "rootdir"), false, ""));
    }

    /** The storage, or PVE's error. */
    Def def(String id) {
        Def def = defs.get(id);
        if (def == null) {
            throw PveError.of("storage '" + id + "' does not exist");
        }
        return def;
    }

    List<Def> defs() {
        return List.copyOf(defs.values());
    }

    Optional<Volume> volume(String volid) {
        return Optional.ofNullable(volumes.get(volid));
    }

    void put(Volume volume) {
        volumes.put(volume.volid(), volume);
    }

    void remove(String volid) {
        volumes.remove(volid);
    }

    /** The volumes of one storage, optionally of one content type. */
    List<Volume> list(String storage, Optional<String> content) {
        List<Volume> result = new ArrayList<>();
        for (Volume v : volumes.values()) {
            if (v.volid().startsWith(storage + ":")
                    && content.map(v.content()::equals).orElse(true)) {
                result.add(v);
            }
        }
        return result;
    }

    /** Removes every disk volume of a VM. */
    void removeVmDisks(int vmid) {
        volumes.values().removeIf(v -> v.vmid() == vmid && v.content().equals("images"));
    }

    long used(String storage) {
        return list(storage, Optional.empty()).stream().mapToLong(Volume::size).sum();
    }

    /** The on-disk path of a file-based volume, as PVE names it in messages. */
    String path(String volid) {
        String storage = volid.substring(0, volid.indexOf(':'));
        return def(storage).path() + "/" + volid.substring(volid.indexOf(':') + 1);
    }
}
