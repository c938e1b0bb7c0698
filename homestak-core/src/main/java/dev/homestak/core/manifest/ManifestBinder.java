package dev.homestak.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a manifest tree that passed every check into the {@link Manifest} record. Values the checks
 * have already refused cannot reach it, so it reads without reporting.
 */
final class ManifestBinder {

    private ManifestBinder() {}

    static Manifest bind(ManifestDoc doc, String source) {
        JsonNode root = doc.root();
        ExecutionMode defaultMode = text(root.path("execution"), "default_mode")
                .flatMap(ExecutionMode::ofYaml)
                .orElse(ExecutionMode.PUSH);
        List<ManifestNode> nodes = new ArrayList<>();
        for (JsonNode n : root.path("nodes")) {
            nodes.add(node(n, defaultMode));
        }
        return new Manifest(
                text(root, "name").orElse(""),
                text(root, "description").orElse(""),
                text(root, "pattern").orElse("flat"),
                settings(root.path("settings")),
                nodes,
                source);
    }

    private static ManifestNode node(JsonNode n, ExecutionMode defaultMode) {
        return ManifestNode.builder(
                        text(n, "name").orElse(""),
                        text(n, "type").flatMap(NodeType::ofYaml).orElse(NodeType.VM))
                .spec(text(n, "spec"))
                .preset(text(n, "preset"))
                .image(text(n, "image"))
                .vmid(integer(n, "vmid"))
                .disk(integer(n, "disk"))
                .parent(text(n, "parent"))
                .mode(text(n.path("execution"), "mode")
                        .flatMap(ExecutionMode::ofYaml)
                        .orElse(defaultMode))
                .build();
    }

    private static ManifestSettings settings(JsonNode s) {
        ManifestSettings d = ManifestSettings.DEFAULTS;
        return new ManifestSettings(
                bool(s, "verify_ssh").orElse(d.verifySsh()),
                bool(s, "cleanup_on_failure").orElse(d.cleanupOnFailure()),
                integer(s, "timeout_buffer").orElse(d.timeoutBuffer()),
                text(s, "on_error").flatMap(OnError::ofYaml).orElse(d.onError()));
    }

    static Optional<String> text(JsonNode node, String key) {
        JsonNode v = node.path(key);
        return v.isTextual() ? Optional.of(v.textValue()) : Optional.empty();
    }

    static Optional<Integer> integer(JsonNode node, String key) {
        JsonNode v = node.path(key);
        return v.isIntegralNumber() && v.canConvertToInt() ? Optional.of(v.intValue()) : Optional.empty();
    }

    private static Optional<Boolean> bool(JsonNode node, String key) {
        JsonNode v = node.path(key);
        return v.isBoolean() ? Optional.of(v.booleanValue()) : Optional.empty();
    }
}
