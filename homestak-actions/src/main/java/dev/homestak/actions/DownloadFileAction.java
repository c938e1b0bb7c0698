package dev.homestak.actions;

import io.vavr.control.Either;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Downloads a URL into a node's storage [DownloadFileAction] with PVE's {@code download-url} (the
 * node fetches it; nothing passes through this machine), verifying {@code checksum} when given. A
 * file already present is kept when no checksum is given (PVE would refuse to overwrite it). When
 * {@code sshFallback} is set and the API path fails, the original's way is tried: {@code curl} over
 * SSH on the node into {@code /var/lib/vz/<content dir>/}. Writes {@code downloaded_file} (the
 * volume id, or the path on the SSH path).
 *
 * @param url         http(s) URL
 * @param filename    target file name ({@code .qcow2} for {@code import}, {@code .iso}/{@code .img} for {@code iso})
 * @param storage     file storage ({@code local})
 * @param content     {@code import} (cloud images for {@code import-from}) or {@code iso}
 * @param checksum    expected checksum, if known
 * @param target      the host's node, or the nested PVE ({@code inner_ip}, the original's {@code host_key})
 * @param timeout     limit of the download (300 s)
 * @param sshFallback try SSH + curl when the API path fails
 */
public record DownloadFileAction(
        String url,
        String filename,
        String storage,
        String content,
        Optional<Checksum> checksum,
        PveTarget target,
        Duration timeout,
        boolean sshFallback)
        implements Action<ActionResult> {

    /** Validates components. */
    public DownloadFileAction {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(timeout, "timeout");
        if (!url.matches("https?://\\S+")) {
            throw new IllegalArgumentException("not an http(s) URL: " + url);
        }
        if (!filename.matches("[A-Za-z0-9][A-Za-z0-9._+=-]*")) {
            throw new IllegalArgumentException("not a plain file name: " + filename);
        }
    }

    /** {@code url} into {@code local:import/<filename>} on the host's node, 300 s, no checksum, no SSH fallback. */
    public static DownloadFileAction of(String url, String filename) {
        return new DownloadFileAction(
                url, filename, "local", "import", Optional.empty(), PveTarget.host(), Duration.ofSeconds(300), false);
    }

    /** A copy verifying {@code sum}. */
    public DownloadFileAction withChecksum(Checksum sum) {
        return new DownloadFileAction(url, filename, storage, content, Optional.of(sum), target, timeout, sshFallback);
    }

    /** A copy into another storage and content type. */
    public DownloadFileAction into(String storageName, String contentType) {
        return new DownloadFileAction(url, filename, storageName, contentType, checksum, target, timeout, sshFallback);
    }

    /** A copy on another PVE. */
    public DownloadFileAction on(PveTarget pve) {
        return new DownloadFileAction(url, filename, storage, content, checksum, pve, timeout, sshFallback);
    }

    /** A copy that falls back to SSH + curl when the API path fails. */
    public DownloadFileAction withSshFallback() {
        return new DownloadFileAction(url, filename, storage, content, checksum, target, timeout, true);
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        Either<ActionFailure, ActionResult> api = Pve.resolve(ctx, target)
                .flatMap(node -> Images.exists(ctx, node, storage, content, filename)
                        .flatMap(present -> present && checksum.isEmpty()
                                ? Either.right(ActionResult.of(
                                        Images.volid(storage, content, filename) + " already exists",
                                        Images.placed(Images.volid(storage, content, filename))))
                                : Images.download(ctx, node, url, storage, content, filename, checksum, timeout)
                                        .map(volid -> ActionResult.of(
                                                "Downloaded " + filename + " to " + volid, Images.placed(volid)))));
        if (api.isRight() || !sshFallback || api.getLeft() instanceof ActionFailure.Cancelled) {
            return api;
        }
        ctx.progress("download-url failed (" + api.getLeft().message() + "); trying curl over SSH");
        return Images.sshHost(ctx, target)
                .flatMap(host -> Images.curl(ctx, host, url, content, filename, checksum, timeout))
                .map(path -> ActionResult.of("Downloaded " + filename + " to " + path + " (SSH)", Images.placed(path)));
    }

    @Override
    public String describe() {
        return "download " + filename;
    }
}
