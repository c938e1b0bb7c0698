package dev.homestak.actions;

import io.vavr.control.Either;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes sure a cloud image is in a node's storage [EnsureImageAction] as
 * {@code <storage>:import/<image>.qcow2}, where the native provisioner imports it from: present
 * means done ({@code Image <volid> already exists}); otherwise it is downloaded with
 * {@code download-url} from {@code url}, or, without one, from the site's packer release
 * ({@link DownloadGitHubReleaseAction}: {@code packer_release_repo}, {@code packer_release}, asset
 * {@code <image>.qcow2}). Writes {@code downloaded_file}.
 *
 * @param image       image name as in the env's VMs ({@code debian-12})
 * @param url         where to fetch it; empty for the packer release
 * @param checksum    expected checksum, if known
 * @param storage     file storage ({@code local})
 * @param target      the host's node, or the nested PVE
 * @param timeout     limit of the download (300 s)
 * @param sshFallback fall back to SSH + curl when the API path fails
 */
public record EnsureImageAction(
        String image,
        Optional<String> url,
        Optional<Checksum> checksum,
        String storage,
        PveTarget target,
        Duration timeout,
        boolean sshFallback)
        implements Action<ActionResult> {

    /** Validates components. */
    public EnsureImageAction {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** {@code image} from the site's packer release into {@code local}, on the host's node. */
    public static EnsureImageAction of(String image) {
        return new EnsureImageAction(
                image, Optional.empty(), Optional.empty(), "local", PveTarget.host(), Duration.ofSeconds(300), false);
    }

    /** A copy fetching from {@code source}, verified with {@code sum} when given. */
    public EnsureImageAction from(String source, Optional<Checksum> sum) {
        return new EnsureImageAction(image, Optional.of(source), sum, storage, target, timeout, sshFallback);
    }

    /** A copy on another PVE. */
    public EnsureImageAction on(PveTarget pve) {
        return new EnsureImageAction(image, url, checksum, storage, pve, timeout, sshFallback);
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        String file = image + ".qcow2";
        String volid = Images.volid(storage, "import", file);
        return Pve.resolve(ctx, target)
                .flatMap(node -> Images.exists(ctx, node, storage, "import", file)
                        .flatMap(present -> {
                            if (present) {
                                return Either.right(
                                        ActionResult.of("Image " + volid + " already exists", Images.placed(volid)));
                            }
                            DownloadFileAction download = new DownloadFileAction(
                                    url.orElse("https://github.com/"),
                                    file,
                                    storage,
                                    "import",
                                    checksum,
                                    target,
                                    timeout,
                                    sshFallback);
                            Either<ActionFailure, ActionResult> downloaded = url.isPresent()
                                    ? download.run(ctx)
                                    : DownloadGitHubReleaseAction.of(file)
                                            .with(download)
                                            .run(ctx);
                            return downloaded.isRight()
                                    ? downloaded
                                    : presentAfterAll(ctx, node, file, volid, downloaded);
                        }));
    }

    /**
     * Two runs that need the same image may both find it missing; PVE then refuses the second download
     * ("refusing to override existing file"). An image that appeared meanwhile is what this action ensures.
     */
    private Either<ActionFailure, ActionResult> presentAfterAll(
            ActionContext ctx, Pve.Node node, String file, String volid, Either<ActionFailure, ActionResult> failed) {
        return Images.exists(ctx, node, storage, "import", file)
                .fold(
                        recheckFailed -> failed,
                        present -> present
                                ? Either.right(ActionResult.of(
                                        "Image " + volid + " already exists (placed meanwhile by another run)",
                                        Images.placed(volid)))
                                : failed);
    }

    @Override
    public String describe() {
        return "ensure image " + image;
    }
}
