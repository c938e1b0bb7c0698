package dev.homestak.cli;

import dev.homestak.core.manifest.ManifestSource;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Where a {@code manifest} verb reads its manifest, upstream's flags: exactly one of {@code -M NAME|PATH},
 * {@code --manifest-file PATH} or {@code --manifest-json JSON}. A mixin, shared by every verb.
 */
final class ManifestSourceOptions {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Choice choice;

    /** The three flags, exactly one of which is given. */
    static final class Choice {
        @Option(
                names = {"-M", "--manifest"},
                paramLabel = "NAME|PATH",
                description =
                        "Manifest name in the site-config's manifests/ (a value with '/' or ending in .yaml/.yml/.json is a file).")
        @Nullable
        String manifest;

        @Option(names = "--manifest-file", paramLabel = "PATH", description = "Manifest file.")
        @Nullable
        Path file;

        @Option(names = "--manifest-json", paramLabel = "JSON", description = "Manifest as JSON text.")
        @Nullable
        String json;
    }

    /** The source given, files resolved against {@code workingDir}. */
    ManifestSource source(Path workingDir) {
        if (choice.json != null) {
            return new ManifestSource.Json(choice.json);
        }
        ManifestSource source =
                choice.file != null ? new ManifestSource.File(choice.file) : ManifestSource.ofFlag(choice.manifest);
        return source instanceof ManifestSource.File f
                ? new ManifestSource.File(workingDir.resolve(f.path()).normalize())
                : source;
    }
}
