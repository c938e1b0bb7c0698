package dev.homestak.core.manifest;

import dev.homestak.core.ConfigFailure;
import dev.homestak.core.SiteConfig;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Loads and validates manifests. Validation is stricter than upstream's and reports every problem at
 * once, each as {@code file:line: 'key' problem — what to do}: the JSON schema (required keys, enums,
 * no unknown keys, {@code vmid >= 100}), unique names and vmids, known parents, no cycles, the preset,
 * spec and posture files exist, images are known, and what homestak does not support yet
 * ({@code type: ct}, {@code execution.mode: pull}) is refused naming the node.
 */
public final class Manifests {

    private Manifests() {}

    /** Loads the manifest {@code source} against {@code site}, with the released images ({@link ImageCatalog#RELEASED}). */
    public static Either<ConfigFailure, Manifest> load(ManifestSource source, SiteConfig site) {
        return load(source, site, ImageCatalog.RELEASED);
    }

    /**
     * Loads the manifest {@code source} against {@code site} (its presets, specs and postures) and the
     * known {@code images}. The failure is a {@link ConfigFailure.ProblemList} of every problem (a syntax
     * error included), or the one reason the manifest could not be read at all (not found, unreadable).
     */
    public static Either<ConfigFailure, Manifest> load(ManifestSource source, SiteConfig site, ImageCatalog images) {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(images, "images");
        String subject = "manifest " + source.describe();
        // a syntax error is a problem of the manifest like any other: the same shape, file:line included
        return read(source, site)
                .mapLeft(f -> f instanceof ConfigFailure.Parse ? new ConfigFailure.ProblemList(subject, List.of(f)) : f)
                .flatMap(doc -> {
                    ManifestProblems problems = new ManifestProblems();
                    ManifestChecks.check(doc, site, images, problems);
                    return problems.result(
                            subject, () -> ManifestBinder.bind(doc, doc.file().toString()));
                });
    }

    private static Either<ConfigFailure, ManifestDoc> read(ManifestSource source, SiteConfig site) {
        return switch (source) {
            case ManifestSource.Named n -> named(n.name(), site).flatMap(ManifestReader::file);
            case ManifestSource.File f ->
                ManifestReader.file(f.path().toAbsolutePath().normalize());
            case ManifestSource.Json j -> ManifestReader.json(j.json());
        };
    }

    private static Either<ConfigFailure, Path> named(String name, SiteConfig site) {
        Path file = site.catalog().manifests().get(name);
        if (file != null) {
            return Either.right(file);
        }
        return Either.left(new ConfigFailure.Unknown(
                "manifest",
                name,
                site.catalog().manifestNames(),
                "create " + site.root().resolve("manifests").resolve(name.replace('/', '_') + ".yaml")
                        + ", or pass a file with -M PATH"));
    }
}
