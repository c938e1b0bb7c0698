package dev.homestak.actions;

import dev.homestak.actions.internal.Texts;
import dev.homestak.core.Facts;
import dev.homestak.proxmox.model.DownloadUrlRequest;
import dev.homestak.proxmox.model.StorageContent;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.Optional;

/**
 * What the image actions share: a file of a node's storage ({@code <storage>:<content>/<file>}),
 * checking whether it is there, fetching it with {@code download-url}, and the original's SSH + curl
 * path ({@code /var/lib/vz/<content dir>/<file>}) for where that is configured.
 */
final class Images {

    private Images() {}

    /** The volume id {@code <storage>:<content>/<file>}. */
    static String volid(String storage, String content, String filename) {
        return storage + ":" + content + "/" + filename;
    }

    /** The file's path on a directory storage at {@code /var/lib/vz} ({@code local}), as the SSH path writes it. */
    static String path(String content, String filename) {
        String dir = switch (content) {
            case "iso" -> "template/iso";
            case "vztmpl" -> "template/cache";
            default -> content;
        };
        return "/var/lib/vz/" + dir + "/" + filename;
    }

    /** Whether the volume is in the storage. */
    static Either<ActionFailure, Boolean> exists(
            ActionContext ctx, Pve.Node node, String storage, String content, String filename) {
        String volid = volid(storage, content, filename);
        return Pve.call(
                        ctx,
                        "listing " + storage + " on " + node.node(),
                        () -> node.api().storage(storage).content(Optional.of(content)))
                .map(list -> list.stream().map(StorageContent::volid).anyMatch(volid::equals));
    }

    /** {@code download-url} of {@code url} into the storage, awaiting the download task. */
    static Either<ActionFailure, String> download(
            ActionContext ctx,
            Pve.Node node,
            String url,
            String storage,
            String content,
            String filename,
            Optional<Checksum> checksum,
            Duration timeout) {
        DownloadUrlRequest request = DownloadUrlRequest.of(url, filename, content);
        DownloadUrlRequest withSum = checksum.map(c -> request.withChecksum(c.algorithm(), c.value()))
                .orElse(request);
        String what = "downloading " + filename + " to " + storage + " on " + node.node();
        ctx.progress("Downloading " + url + " to " + volid(storage, content, filename));
        return Pve.call(ctx, what, () -> node.api().storage(storage).downloadUrl(withSum))
                .flatMap(task -> Pve.await(ctx, what, task, timeout))
                .map(done -> volid(storage, content, filename));
    }

    /**
     * The original's way over SSH on the node: {@code mkdir -p}, {@code curl -fSL -o <file>.part},
     * the checksum checked with {@code <alg>sum -c}, then moved into place.
     */
    static Either<ActionFailure, String> curl(
            ActionContext ctx,
            SshEndpoint host,
            String url,
            String content,
            String filename,
            Optional<Checksum> checksum,
            Duration timeout) {
        String path = path(content, filename);
        String dir = path.substring(0, path.lastIndexOf('/'));
        String check = checksum.map(
                        c -> " && echo '" + c.value() + "  " + path + ".part' | " + c.algorithm() + "sum -c -")
                .orElse("");
        String command = "mkdir -p " + dir + " && curl -fSL -o " + path + ".part '" + url.replace("'", "'\\''") + "'"
                + check + " && mv " + path + ".part " + path + " && ls -la " + path;
        ctx.progress("Downloading " + url + " to " + host + ":" + path + " with curl");
        return ctx.ssh(SshRequest.of(host, command, timeout))
                .flatMap(r -> r.succeeded()
                        ? Either.right(path)
                        : Either.left(new ActionFailure.ProcessExit(
                                "curl on " + host,
                                r.exitCode(),
                                Texts.tail(r.stderr().lines().toList(), 500))));
    }

    /** Where the SSH path logs in: the host's {@code ssh_host} as its {@code ssh_user}, or the nested PVE's address as root. */
    static Either<ActionFailure, SshEndpoint> sshHost(ActionContext ctx, PveTarget target) {
        return switch (target) {
            case PveTarget.Host h -> ctx.requireHost().map(host -> ctx.ssh().endpoint(host.sshUser(), host.sshHost()));
            case PveTarget.Nested n ->
                ctx.require(n.addressKey()).map(address -> ctx.ssh().endpoint("root", address));
        };
    }

    /** The facts of a placed file. */
    static Facts placed(String where) {
        return Facts.empty().with(ActionKeys.DOWNLOADED_FILE, where);
    }
}
