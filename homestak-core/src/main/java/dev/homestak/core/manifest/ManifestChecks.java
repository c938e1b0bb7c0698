package dev.homestak.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homestak.core.SiteConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every check of a manifest: the JSON schema, then unique names and vmids, usable names, known parents
 * that are pve nodes, no cycles, the files and images referred to, and what homestak does not support yet. Each runs on the raw tree and skips values of the wrong type (the
 * schema reports those), so one pass finds every problem.
 */
final class ManifestChecks {

    private ManifestChecks() {}

    static void check(ManifestDoc doc, SiteConfig site, ImageCatalog images, ManifestProblems problems) {
        ManifestSchema.check(doc, site.root(), problems);
        JsonNode nodes = doc.root().path("nodes");
        Map<String, Integer> names = unique(doc, nodes, "name", problems);
        unique(doc, nodes, "vmid", problems);
        ManifestNames.check(doc, site.catalog().presets().keySet(), problems);
        ManifestGraph.check(doc, names, problems);
        ManifestReferences.check(doc, site, images, problems);
        unsupported(doc, problems);
    }

    /** Each node's {@code key} must differ from every other node's; returns the first index of each value. */
    private static Map<String, Integer> unique(ManifestDoc doc, JsonNode nodes, String key, ManifestProblems problems) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode value = nodes.get(i).path(key);
            if (!value.isTextual() && !value.isIntegralNumber()) {
                continue;
            }
            String text = value.asText();
            Integer first = seen.putIfAbsent(text, i);
            if (first != null) {
                String path = ManifestDoc.child(ManifestDoc.index("nodes", i), key);
                String firstPath = ManifestDoc.index("nodes", first);
                problems.invalid(
                        doc,
                        path,
                        "'" + text + "' is already the " + key + " of " + firstPath + " (line "
                                + doc.line(ManifestDoc.child(firstPath, key)) + ") — give each node its own " + key);
            }
        }
        return seen;
    }

    /** {@code type: ct} and {@code execution.mode: pull} (per node or by default): one line naming the node. */
    private static void unsupported(ManifestDoc doc, ManifestProblems problems) {
        JsonNode root = doc.root();
        Optional<String> defaultMode = ManifestBinder.text(root.path("execution"), "default_mode");
        JsonNode nodes = root.path("nodes");
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode n = nodes.get(i);
            String at = ManifestDoc.index("nodes", i);
            String name =
                    ManifestBinder.text(n, "name").map(s -> "node '" + s + "'").orElse(at);
            if (ManifestBinder.text(n, "type").filter("ct"::equals).isPresent()) {
                problems.invalid(
                        doc,
                        ManifestDoc.child(at, "type"),
                        "ct (LXC container) of " + name + " is not supported yet — use type: vm");
            }
            Optional<String> own = ManifestBinder.text(n.path("execution"), "mode");
            if (own.or(() -> defaultMode).filter("pull"::equals).isPresent()) {
                String path = own.isPresent() ? ManifestDoc.child(at, "execution.mode") : "execution.default_mode";
                problems.invalid(
                        doc,
                        path,
                        "pull (the node configures itself) of " + name
                                + " is not supported yet — use push, or remove the key");
            }
        }
    }
}
