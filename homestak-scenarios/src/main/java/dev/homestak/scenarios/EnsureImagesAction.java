package dev.homestak.scenarios;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionKeys;
import dev.homestak.actions.ActionResult;
import dev.homestak.core.Facts;
import dev.homestak.core.Key;
import dev.homestak.core.ResolvedEnv;
import dev.homestak.core.ResolvedVm;
import dev.homestak.proxmox.model.DownloadUrlRequest;
import dev.homestak.proxmox.model.StorageContent;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Makes sure every cloud image an env's VMs use is in the PVE's {@code local} storage (content {@code import})
 * [EnsureImageAction on the host, DownloadGitHubReleaseAction on the nested PVE]: an image already there is
 * kept; a missing one is fetched by PVE itself through {@code download-url} from the packer release
 * ({@code https://github.com/<packer_release_repo>/releases/download/<packer_release>/<image>.qcow2}).
 *
 * @param envs    where the env comes from
 * @param env     the env whose images are needed (fact {@code env_name} overrides it on the host)
 * @param where   the host's node or the nested PVE
 * @param timeout limit of each download task
 */
record EnsureImagesAction(EnvSource envs, String env, PveAccess.Where where, Duration timeout) implements Action<ActionResult> {

    static final String DEFAULT_REPO = "homestak-dev/packer";
    static final String DEFAULT_RELEASE = "latest";
    private static final Key<String> REPO = Key.string("packer_release_repo");
    private static final Key<String> RELEASE = Key.string("packer_release");

    EnsureImagesAction {
        Objects.requireNonNull(envs, "envs");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        return EnvVms.resolve(envs, EnvVms.envName(ctx, env, where), where, ctx)
                .flatMap(resolved -> PveAccess.resolve(ctx, where).flatMap(node -> ensureAll(ctx, node, images(resolved))));
    }

    private static Set<String> images(ResolvedEnv env) {
        Set<String> images = new LinkedHashSet<>();
        env.vms().stream().map(ResolvedVm::image).flatMap(Optional::stream).map(Images::fileName).forEach(images::add);
        return images;
    }

    private Either<ActionFailure, ActionResult> ensureAll(ActionContext ctx, PveAccess.Node node, Set<String> images) {
        Either<ActionFailure, List<StorageContent>> present = PveAccess.call(ctx, "listing the images in storage "
                + Images.STORAGE + " on " + node.label(),
                () -> node.client().node(node.node()).storage(Images.STORAGE).content(Optional.of("import")));
        return present.flatMap(content -> {
            List<String> messages = new ArrayList<>();
            for (String image : images) {
                String volid = Images.STORAGE + ":import/" + image;
                if (content.stream().anyMatch(c -> c.volid().equals(volid))) {
                    messages.add("Image " + image + " already exists");
                    continue;
                }
                Either<ActionFailure, String> fetched = download(ctx, node, image);
                if (fetched.isLeft()) {
                    return Either.left(fetched.getLeft());
                }
                messages.add(fetched.get());
            }
            String last = images.isEmpty() ? "" : images.iterator().next();
            return Either.right(ActionResult.of(messages.isEmpty() ? "No image needed" : String.join("; ", messages),
                    last.isEmpty() ? Facts.empty() : Facts.empty().with(ActionKeys.PACKER_IMAGE, last)));
        });
    }

    private Either<ActionFailure, String> download(ActionContext ctx, PveAccess.Node node, String image) {
        String url = "https://github.com/" + ctx.lookup(REPO).orElse(DEFAULT_REPO) + "/releases/download/"
                + ctx.lookup(RELEASE).orElse(DEFAULT_RELEASE) + "/" + image;
        String what = "downloading " + image + " to " + Images.STORAGE + " on " + node.label();
        ctx.progress(what + " from " + url);
        return PveAccess.task(ctx, what, () -> node.client().node(node.node()).storage(Images.STORAGE)
                .downloadUrl(DownloadUrlRequest.of(url, image, "import")), timeout)
                .map(done -> "Downloaded " + image + " to " + node.label());
    }

    @Override
    public String describe() {
        return "ensure the images of env " + env + (where == PveAccess.Where.NESTED ? " on the nested PVE" : "");
    }
}
