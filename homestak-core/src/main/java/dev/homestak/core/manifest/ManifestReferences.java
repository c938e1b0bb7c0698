package dev.homestak.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homestak.core.SiteConfig;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The files and names a manifest refers to: {@code presets/<preset>.yaml}, {@code specs/<spec>.yaml} and
 * the posture each spec names ({@code access.posture} → {@code postures/<posture>.yaml}), and the image.
 */
final class ManifestReferences {

    private ManifestReferences() {}

    static void check(ManifestDoc doc, SiteConfig site, ImageCatalog images, ManifestProblems problems) {
        JsonNode nodes = doc.root().path("nodes");
        Set<String> specsChecked = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode n = nodes.get(i);
            String at = ManifestDoc.index("nodes", i);
            ManifestBinder.text(n, "preset")
                    .filter(p -> !site.catalog().presets().containsKey(p))
                    .ifPresent(p -> problems.invalid(
                            doc,
                            ManifestDoc.child(at, "preset"),
                            unknown(
                                    "preset",
                                    p,
                                    site.catalog().presets(),
                                    site.root().resolve("presets"))));
            Optional<String> spec = ManifestBinder.text(n, "spec");
            spec.filter(s -> !site.catalog().specs().containsKey(s))
                    .ifPresent(s -> problems.invalid(
                            doc,
                            ManifestDoc.child(at, "spec"),
                            unknown(
                                    "spec",
                                    s,
                                    site.catalog().specs(),
                                    site.root().resolve("specs"))));
            spec.map(s -> site.catalog().specs().get(s))
                    .filter(f -> specsChecked.add(f.toString()))
                    .ifPresent(f -> posture(f, site, problems));
            ManifestBinder.text(n, "image")
                    .filter(img -> !images.knows(img))
                    .ifPresent(img -> problems.invalid(
                            doc,
                            ManifestDoc.child(at, "image"),
                            "names unknown image '" + img + "' (known: " + String.join(", ", images.names())
                                    + ") — use one of them"));
        }
    }

    /** A spec's {@code access.posture} must name a posture file. */
    private static void posture(Path specFile, SiteConfig site, ManifestProblems problems) {
        ManifestReader.file(specFile)
                .fold(
                        f -> {
                            problems.add(f);
                            return null;
                        },
                        spec -> {
                            ManifestBinder.text(spec.root().path("access"), "posture")
                                    .filter(p -> !site.catalog().postures().containsKey(p))
                                    .ifPresent(p -> problems.invalid(
                                            spec,
                                            "access.posture",
                                            unknown(
                                                    "posture",
                                                    p,
                                                    site.catalog().postures(),
                                                    site.root().resolve("postures"))));
                            return null;
                        });
    }

    private static String unknown(String kind, String name, Map<String, ?> available, Path dir) {
        String names = available.isEmpty() ? "none" : String.join(", ", available.keySet());
        return "names unknown " + kind + " '" + name + "' (available: " + names + ") — create " + dir
                + java.io.File.separator + name + ".yaml or name one of those";
    }
}
