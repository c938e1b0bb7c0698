package dev.homestak.sim.internal;

import dev.homestak.proxmox.model.DiskSize;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Disk options ({@code scsi0=local-lvm:32}, {@code scsi0=local-lvm:0,import-from=local:import/x.qcow2},
 * {@code ide2=local-lvm:cloudinit}) turned into allocated volumes, as PVE rewrites them in the config.
 */
final class Disks {

    private static final Pattern DISK_KEY = Pattern.compile("(scsi|virtio|sata|ide)\\d+|efidisk0|tpmstate0");
    private static final Pattern ALLOC = Pattern.compile("^([a-zA-Z][\\w.-]*):(\\d+|cloudinit)(,.*)?$");
    private static final Pattern IMPORT_FROM = Pattern.compile("(?:^|,)import-from=([^,]+)");
    private static final Pattern SIZE = Pattern.compile("(?:^|,)size=(\\d+)([KMGT]?)");
    private static final Pattern PVE_IMAGE = Pattern.compile("(^|[-_])pve");

    private Disks() {}

    static boolean isDisk(String key) {
        return DISK_KEY.matcher(key).matches();
    }

    /**
     * Allocates the volume an option asks for and returns the value PVE stores, or the value
     * unchanged when it names an existing volume (or {@code none}, or a CD-ROM).
     */
    static String allocate(Storage storage, int vmid, String key, String value, Map<String, String> config) {
        Matcher m = ALLOC.matcher(value);
        if (!m.matches()) {
            return value;
        }
        String store = m.group(1);
        Storage.Def def = storage.def(store);
        if (!def.content().contains("images")) {
            throw PveError.of("storage '" + store + "' does not support content-type 'images'");
        }
        String rest = m.group(3) == null ? "" : m.group(3);
        if (m.group(2).equals("cloudinit")) {
            String volid = store + ":vm-" + vmid + "-cloudinit";
            storage.put(new Storage.Volume(volid, "images", "raw", 4L << 20, vmid, Optional.empty()));
            return volid + ",media=cdrom";
        }
        long size = Long.parseLong(m.group(2)) * Storage.GIB;
        Matcher importFrom = IMPORT_FROM.matcher(rest);
        if (importFrom.find()) {
            String source = importFrom.group(1);
            size = storage.volume(source)
                    .orElseThrow(
                            () -> PveError.of("unable to parse volume ID '" + source + "' - volume does not exist"))
                    .size();
            rest = rest.replace("," + importFrom.group().replaceFirst("^,", ""), "");
        }
        String volid = store + ":vm-" + vmid + "-disk-" + nextIndex(config, store, vmid);
        storage.put(new Storage.Volume(volid, "images", "raw", size, vmid, Optional.empty()));
        return volid + rest + ",size=" + human(size);
    }

    /** Whether an option imports a PVE image ({@code pve-9.qcow2}, {@code debian-13-pve.qcow2}). */
    static boolean importsPve(String value) {
        Matcher importFrom = IMPORT_FROM.matcher(value);
        if (!importFrom.find()) {
            return false;
        }
        String file = importFrom.group(1).substring(importFrom.group(1).lastIndexOf('/') + 1);
        return PVE_IMAGE.matcher(file).find();
    }

    /** The size in bytes a disk option states ({@code size=32G}), 0 when none. */
    static long size(String value) {
        return DiskSize.bytes(value);
    }

    /** The option with its {@code size=} replaced. */
    static String withSize(String value, long bytes) {
        return SIZE.matcher(value).find()
                ? value.replaceFirst("size=\\d+[KMGT]?", "size=" + human(bytes))
                : value + ",size=" + human(bytes);
    }

    /** PVE's compact size: {@code 32G}, {@code 512M}. */
    static String human(long bytes) {
        if (bytes % Storage.GIB == 0) {
            return bytes / Storage.GIB + "G";
        }
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + "M" : bytes + "";
    }

    private static int nextIndex(Map<String, String> config, String store, int vmid) {
        int index = 0;
        while (taken(config, store, vmid, index)) {
            index++;
        }
        return index;
    }

    private static boolean taken(Map<String, String> config, String store, int vmid, int index) {
        String prefix = store + ":vm-" + vmid + "-disk-" + index;
        return config.values().stream().anyMatch(v -> v.equals(prefix) || v.startsWith(prefix + ","));
    }
}
