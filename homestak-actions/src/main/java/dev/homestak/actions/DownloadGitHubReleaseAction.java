package dev.homestak.actions;

import dev.homestak.core.Facts;
import dev.homestak.core.Key;
import io.vavr.control.Either;
import java.util.Objects;
import java.util.Optional;

/**
 * Downloads a GitHub release asset into a node's storage [DownloadGitHubReleaseAction]:
 * {@code https://github.com/<repo>/releases/download/<tag>/<asset>}, through
 * {@link DownloadFileAction} (API {@code download-url}, SSH + curl fallback when configured). The
 * repository and tag default to {@code packer_release_repo} and {@code packer_release}, looked up in
 * the facts, then the host config (site defaults); the tag {@code latest} is used literally (packer
 * keeps a real release tagged {@code latest}). Writes {@code packer_image} = the file name and
 * {@code downloaded_file}.
 *
 * @param asset       the asset name, e.g. {@code debian-12-custom.qcow2}
 * @param repo        {@code owner/name}, or empty for {@code packer_release_repo}
 * @param tag         the release tag, or empty for {@code packer_release}
 * @param filename    the name to store it as (the asset name by default)
 * @param download    storage, content, checksum, target, timeout and fallback of the download
 */
public record DownloadGitHubReleaseAction(
        String asset,
        Optional<String> repo,
        Optional<String> tag,
        Optional<String> filename,
        DownloadFileAction download)
        implements Action<ActionResult> {

    /** The site default naming the repository of the images. */
    public static final Key<String> REPO_KEY = Key.string("packer_release_repo");
    /** The site default naming the release of the images. */
    public static final Key<String> TAG_KEY = Key.string("packer_release");
    /** The repository of the images when neither the facts nor the site name one. */
    public static final String DEFAULT_REPO = "homestak-dev/packer";
    /** The release of the images when neither the facts nor the site name one. */
    public static final String DEFAULT_RELEASE = "latest";

    /** Validates components. */
    public DownloadGitHubReleaseAction {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(download, "download");
    }

    /** {@code ctx} with {@link #DEFAULT_REPO} and {@link #DEFAULT_RELEASE} where neither the facts nor the site name them. */
    public static ActionContext withDefaultRelease(ActionContext ctx) {
        Facts facts = ctx.facts();
        if (ctx.lookup(REPO_KEY).isEmpty()) {
            facts = facts.with(REPO_KEY, DEFAULT_REPO);
        }
        if (ctx.lookup(TAG_KEY).isEmpty()) {
            facts = facts.with(TAG_KEY, DEFAULT_RELEASE);
        }
        return ctx.withFacts(facts);
    }

    /** {@code asset} from the site's packer release into {@code local:import/}, on the host's node. */
    public static DownloadGitHubReleaseAction of(String asset) {
        return new DownloadGitHubReleaseAction(
                asset,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                DownloadFileAction.of("https://github.com/", asset));
    }

    /** A copy with an explicit repository and tag. */
    public DownloadGitHubReleaseAction from(String ownerAndName, String releaseTag) {
        return new DownloadGitHubReleaseAction(
                asset, Optional.of(ownerAndName), Optional.of(releaseTag), filename, download);
    }

    /** A copy with other download settings (storage, content, checksum, target, fallback); its URL is replaced. */
    public DownloadGitHubReleaseAction with(DownloadFileAction settings) {
        return new DownloadGitHubReleaseAction(asset, repo, tag, filename, settings);
    }

    @Override
    public Either<ActionFailure, ActionResult> run(ActionContext ctx) {
        Either<ActionFailure, String> r =
                repo.<Either<ActionFailure, String>>map(Either::right).orElseGet(() -> ctx.require(REPO_KEY));
        Either<ActionFailure, String> t =
                tag.<Either<ActionFailure, String>>map(Either::right).orElseGet(() -> ctx.require(TAG_KEY));
        String name = filename.orElse(asset);
        return r.flatMap(owner -> t.flatMap(release -> {
                    String url = "https://github.com/" + owner + "/releases/download/" + release + "/" + asset;
                    DownloadFileAction d = download;
                    return new DownloadFileAction(
                                    url,
                                    name,
                                    d.storage(),
                                    d.content(),
                                    d.checksum(),
                                    d.target(),
                                    d.timeout(),
                                    d.sshFallback())
                            .run(ctx);
                }))
                .map(done -> ActionResult.of(done.message(), done.facts().with(ActionKeys.PACKER_IMAGE, name)));
    }

    @Override
    public String describe() {
        return "download release asset " + asset;
    }
}
