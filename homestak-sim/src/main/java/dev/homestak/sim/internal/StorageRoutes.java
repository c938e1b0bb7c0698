package dev.homestak.sim.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Storage content list and delete, and {@code download-url} (which does not really download). */
final class StorageRoutes {

    private static final String STORAGE = "/nodes/{node}/storage/{storage}";
    /** Size given to a "downloaded" file: the URL is never fetched. */
    private static final long DOWNLOADED_SIZE = 3L << 30;

    private final PveInstance pve;

    StorageRoutes(PveInstance pve) {
        this.pve = pve;
    }

    void register(Router router) {
        router.add("GET", STORAGE + "/content", this::list)
                .add("DELETE", STORAGE + "/content/{volume}", this::delete)
                .add("POST", STORAGE + "/download-url", this::download);
    }

    private Object list(Call call) {
        Cluster cluster = pve.cluster();
        synchronized (cluster) {
            cluster.storage.def(call.var("storage"));
            Optional<Integer> vmid = call.param("vmid").map(v -> Params.vmid("vmid", v));
            List<Map<String, Object>> items = new ArrayList<>();
            for (Storage.Volume v : cluster.storage.list(call.var("storage"), call.param("content"))) {
                if (vmid.isPresent() && vmid.get() != v.vmid()) {
                    continue;
                }
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("volid", v.volid());
                item.put("content", v.content());
                item.put("format", v.format());
                item.put("size", v.size());
                item.put("ctime", pve.startedAt().getEpochSecond());
                if (v.vmid() > 0) {
                    item.put("vmid", v.vmid());
                }
                items.add(item);
            }
            return items;
        }
    }

    private Object delete(Call call) {
        Cluster cluster = pve.cluster();
        synchronized (cluster) {
            String volume = call.var("volume");
            String volid = volume.contains(":") ? volume : call.var("storage") + ":" + volume;
            if (cluster.storage.volume(volid).isEmpty()) {
                throw PveError.of("volume '" + volid + "' does not exist");
            }
            // PVE forks imgdel without an id: a volume id (with ':' and '/') cannot be part of a UPID
            return cluster.submit(call, "imgdel", "", null, TaskWork.of(() -> cluster.storage.remove(volid), () -> {}));
        }
    }

    private Object download(Call call) {
        String filename = call.required("filename");
        String content = call.required("content");
        call.required("url");
        Optional<String> checksum = call.param("checksum");
        if (checksum.isPresent() != call.param("checksum-algorithm").isPresent()) {
            String missing = checksum.isPresent() ? "checksum-algorithm" : "checksum";
            throw PveError.param(
                    missing,
                    "parameter is required when '" + (checksum.isPresent() ? "checksum" : "checksum-algorithm")
                            + "' is set");
        }
        Cluster cluster = pve.cluster();
        synchronized (cluster) {
            Storage.Def def = cluster.storage.def(call.var("storage"));
            if (!def.content().contains(content)) {
                throw PveError.of("storage '" + def.id() + "' is not configured for content-type '" + content + "'");
            }
            if (!def.fileBased()) {
                throw PveError.of("can't upload to storage type '" + def.type() + "', not a file based storage!");
            }
            checkFilename(content, filename);
            String volid = def.id() + ":" + content + "/" + filename;
            return cluster.submit(call, "download", filename, null, () -> place(cluster, volid, content, checksum));
        }
    }

    private static Optional<String> place(Cluster cluster, String volid, String content, Optional<String> checksum) {
        Optional<Storage.Volume> existing = cluster.storage.volume(volid);
        if (existing.isPresent()) {
            if (checksum.isEmpty()) {
                return Optional.of("refusing to override existing file '" + cluster.storage.path(volid) + "'");
            }
            String had = existing.get().checksum().orElse("0".repeat(64));
            return had.equals(checksum.get())
                    ? Optional.empty()
                    : Optional.of("checksum mismatch: got '" + had + "' != expect '" + checksum.get() + "', aborting");
        }
        String format = volid.endsWith(".qcow2") ? "qcow2" : volid.endsWith(".iso") ? "iso" : "raw";
        cluster.storage.put(new Storage.Volume(volid, content, format, DOWNLOADED_SIZE, 0, checksum));
        return Optional.empty();
    }

    private static void checkFilename(String content, String filename) {
        boolean ok = switch (content) {
            case "iso" -> filename.matches(".+\\.(iso|img)");
            case "vztmpl" -> filename.matches(".+\\.tar(\\.(gz|xz|zst|bz2))?");
            case "import" -> filename.matches("[a-zA-Z0-9\\-.+=_]+\\.(ova|qcow2|raw|vmdk)");
            default -> true;
        };
        if (!ok) {
            throw PveError.param(
                    "filename",
                    content.equals("import") ? "invalid filename or wrong extension" : "wrong file extension");
        }
    }
}
