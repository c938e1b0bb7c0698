package dev.homestak.scenarios.builtin;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionKeys;
import dev.homestak.actions.ActionResult;
import dev.homestak.actions.DownloadGitHubReleaseAction;
import dev.homestak.actions.EnsureImageAction;
import dev.homestak.actions.PveTarget;
import dev.homestak.actions.VmSteps;
import dev.homestak.core.Facts;
import dev.homestak.core.ResolvedVm;
import dev.homestak.scenarios.Prechecked;
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
 * [EnsureImageAction on the host, DownloadGitHubReleaseAction on the nested PVE], one {@link EnsureImageAction}
 * per image: an image already there is kept; a missing one is fetched by PVE itself from the packer release
 * ({@code https://github.com/<packer_release_repo>/releases/download/<packer_release>/<image>.qcow2}). Fact
 * {@code packer_image}: the first image's file.
 *
 * @param envs    where the env comes from
 * @param env     the env whose images are needed (fact {@code env_name} overrides it on the host)
 * @param target  the host's node or the nested PVE
 * @param timeout limit of each download task
 */
record EnsureImagesAction(EnvSource envs, String env, PveTarget target, Duration timeout)
        implements Action<ActionResult>, Prechecked {

    EnsureImagesAction {
        Objects.requireNonNull(envs, "envs");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        return EnvVms.resolve(envs, EnvVms.envName(ctx, env, target), target, ctx)
                .flatMap(resolved -> {
                    Set<String> images = new LinkedHashSet<>();
                    resolved.vms().stream()
                            .map(ResolvedVm::image)
                            .flatMap(Optional::stream)
                            .forEach(images::add);
                    return VmSteps.label(ctx, target)
                            .flatMap(label ->
                                    ensureAll(DownloadGitHubReleaseAction.withDefaultRelease(ctx), images, label));
                });
    }

    private Either<ActionFailure, ActionResult> ensureAll(ActionContext ctx, Set<String> images, String label) {
        List<String> messages = new ArrayList<>();
        for (String image : images) {
            Either<ActionFailure, ActionResult> done = new EnsureImageAction(
                            image, Optional.empty(), Optional.empty(), "local", target, timeout, false)
                    .run(ctx);
            if (done.isLeft()) {
                return Either.left(done.getLeft());
            }
            // the actions name the volume; the report names the PVE, as it does for every other phase
            String message = done.get().message();
            messages.add(message.startsWith("Downloaded ") ? "Downloaded " + image + ".qcow2 to " + label : message);
        }
        return Either.right(ActionResult.of(
                messages.isEmpty() ? "No image needed" : String.join("; ", messages),
                images.isEmpty()
                        ? Facts.empty()
                        : Facts.empty()
                                .with(ActionKeys.PACKER_IMAGE, images.iterator().next() + ".qcow2")));
    }

    @Override
    public Either<ActionFailure, java.util.List<String>> precheck(ActionContext ctx) {
        return EnvVms.precheck(envs, EnvVms.envName(ctx, env, target), target, ctx);
    }

    @Override
    public String describe() {
        return "ensure the images of env " + env + (target instanceof PveTarget.Nested ? " on the nested PVE" : "");
    }
}
