package dev.homestak.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code site.yaml} {@code defaults}, with the keys the merge uses checked for type.
 *
 * @param values every default as read, in file order
 */
record SiteDefaults(Map<String, Object> values) {

    SiteDefaults {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(Objects.requireNonNull(values)));
    }

    /** Reads {@code root/site.yaml}; a missing file means no defaults, as in the original. */
    static SiteDefaults load(Path root, Problems problems) {
        Path file = root.resolve("site.yaml");
        if (!Files.exists(file)) {
            return new SiteDefaults(Map.of());
        }
        return problems.take(YamlReader.read(file)).map(doc -> bind(doc, problems)).orElse(new SiteDefaults(Map.of()));
    }

    private static SiteDefaults bind(YamlDoc doc, Problems problems) {
        Map<String, Object> defaults = problems.mapping(doc, doc.root(), "", "defaults").orElse(Map.of());
        for (String key : new String[] {"datastore", "ssh_user", "bridge", "gateway"}) {
            problems.string(doc, defaults, "defaults", key);
        }
        problems.stringOrStrings(doc, defaults, "defaults", "ssh_identity");
        return new SiteDefaults(defaults);
    }

    /** {@code ssh_identity}: private key files, as written. */
    java.util.List<String> sshIdentities() {
        Object value = values.get("ssh_identity");
        if (value instanceof String s) {
            return java.util.List.of(s);
        }
        return value instanceof java.util.List<?> l && l.stream().allMatch(String.class::isInstance)
                ? l.stream().map(String.class::cast).toList() : java.util.List.of();
    }

    Optional<String> datastore() {
        return text("datastore");
    }

    Optional<String> sshUser() {
        return text("ssh_user");
    }

    Optional<String> bridge() {
        return text("bridge");
    }

    Optional<String> gateway() {
        return text("gateway");
    }

    private Optional<String> text(String key) {
        return values.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }
}
