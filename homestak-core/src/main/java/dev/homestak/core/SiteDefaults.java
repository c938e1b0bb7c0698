package dev.homestak.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code site.yaml} {@code defaults}, with the keys homestak uses checked for type. Upstream renamed some
 * keys ({@link SiteKeys#RENAMED}); both names are read, the old one with a notice. Code of the seed era
 * reads the old names ({@code ssh_user}, {@code packer_release}), so a value written only under today's
 * name is also put under the old one; a seed site.yaml is kept exactly as written.
 *
 * @param values every default as read (in file order), plus old names filled from today's
 * @param notices one line per old name used
 */
record SiteDefaults(Map<String, Object> values, List<String> notices) {

    SiteDefaults {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(values)));
        notices = List.copyOf(notices);
    }

    /** Reads {@code root/site.yaml}; a missing file means no defaults, as in the original. */
    static SiteDefaults load(Path root, Problems problems) {
        Path file = root.resolve("site.yaml");
        if (!Files.exists(file)) {
            return new SiteDefaults(Map.of(), List.of());
        }
        return problems.take(YamlReader.read(file))
                .map(doc -> bind(doc, problems))
                .orElse(new SiteDefaults(Map.of(), List.of()));
    }

    private static SiteDefaults bind(YamlDoc doc, Problems problems) {
        Map<String, Object> defaults =
                problems.mapping(doc, doc.root(), "", "defaults").orElse(Map.of());
        SiteKeys.TEXT.forEach(key -> problems.string(doc, defaults, "defaults", key));
        SiteKeys.LISTS.forEach(key -> problems.strings(doc, defaults, "defaults", key));
        Map<String, Object> values = new LinkedHashMap<>(defaults);
        List<String> notices = new ArrayList<>();
        for (SiteKeys k : SiteKeys.RENAMED) {
            Object current = defaults.get(k.current());
            Object old = defaults.get(k.old());
            String oldPath = "defaults." + k.old();
            if (old != null && current != null && !old.equals(current)) {
                problems.invalid(
                        doc,
                        oldPath,
                        "and 'defaults." + k.current() + "' (line " + doc.line("defaults." + k.current())
                                + ") differ; '" + k.old() + "' is the old name of '" + k.current() + "': keep '"
                                + k.current()
                                + "' and remove '" + k.old() + "'");
            } else if (old != null) {
                notices.add(doc.file() + ":" + doc.line(oldPath) + ": '" + oldPath + "' is the old name of '"
                        + k.current() + "': read as " + k.current() + "; rename it");
            } else if (current != null) {
                values.put(k.old(), current);
            }
        }
        problems.stringOrStrings(doc, defaults, "defaults", "ssh_identity");
        return new SiteDefaults(values, notices);
    }

    /** {@code ssh_identity}: private key files, as written. */
    java.util.List<String> sshIdentities() {
        Object value = values.get("ssh_identity");
        if (value instanceof String s) {
            return java.util.List.of(s);
        }
        return value instanceof java.util.List<?> l && l.stream().allMatch(String.class::isInstance)
                ? l.stream().map(String.class::cast).toList()
                : java.util.List.of();
    }

    Optional<String> datastore() {
        return text("datastore");
    }

    /** The PVE host's SSH user: {@code host_user}, or its old name {@code ssh_user}. */
    Optional<String> sshUser() {
        return text("host_user").or(() -> text("ssh_user"));
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
