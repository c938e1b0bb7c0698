package dev.homestak.proxmox;

import dev.homestak.proxmox.model.DownloadUrlRequest;
import dev.homestak.proxmox.model.StorageContent;
import io.vavr.control.Either;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One storage as seen from a node, {@code /nodes/{node}/storage/{storage}}. */
public final class StorageApi {

    private final Calls calls;
    private final String node;
    private final String storage;

    StorageApi(Calls calls, String node, String storage) {
        this.calls = calls;
        this.node = node;
        this.storage = java.util.Objects.requireNonNull(storage, "storage");
    }

    /** {@code GET .../content}, optionally only one content type ({@code iso}, {@code import}, {@code images}). */
    public Either<ProxmoxFailure, List<StorageContent>> content(Optional<String> contentType) {
        List<Map.Entry<String, String>> q =
                contentType.map(c -> List.of(Map.entry("content", c))).orElse(List.of());
        return calls.read(
                Calls.request("GET", List.of("nodes", node, "storage", storage, "content"), q),
                data -> Calls.list(data, Payloads::content));
    }

    /**
     * {@code DELETE .../content/{volume}}: an {@code imgdel} task, or empty when PVE finished within
     * its own short delay.
     */
    public Either<ProxmoxFailure, Optional<Task>> deleteContent(String volid) {
        return calls.optionalTask(
                Calls.request("DELETE", List.of("nodes", node, "storage", storage, "content", volid), List.of()));
    }

    /** {@code POST .../download-url}: a {@code download} task. */
    public Either<ProxmoxFailure, Task> downloadUrl(DownloadUrlRequest request) {
        return calls.task(
                Calls.request("POST", List.of("nodes", node, "storage", storage, "download-url"), request.form()));
    }
}
