package dev.homestak.core.manifest;

import java.nio.file.Path;

/** The rules of {@code defs/manifest.schema.json}: required keys, types, enums, no unknown keys, minimums. */
final class ManifestSchema {

    private ManifestSchema() {
    }

    static void check(ManifestDoc doc, Path siteRoot, ManifestProblems problems) {
        // enforced with the JSON schema validator in the next step
    }
}
