package dev.homestak.core.manifest;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a manifest is read from: a name in the site-config's {@code manifests/}, a file, or JSON text
 * (upstream's {@code -M NAME}, {@code --manifest-file PATH} and {@code --manifest-json JSON}).
 */
public sealed interface ManifestSource {

    /**
     * The source for a {@code -M} value: a path when it looks like one (it holds a {@code /} or ends in
     * {@code .yaml}, {@code .yml} or {@code .json}), else a name in {@code manifests/}.
     */
    static ManifestSource ofFlag(String value) {
        Objects.requireNonNull(value, "value");
        boolean path = value.contains("/")
                || value.contains(java.io.File.separator)
                || value.endsWith(".yaml")
                || value.endsWith(".yml")
                || value.endsWith(".json");
        return path ? new File(Path.of(value)) : new Named(value);
    }

    /** For messages: the name, path or {@code --manifest-json}. */
    String describe();

    /** {@code manifests/NAME.yaml} of the site-config. */
    record Named(String name) implements ManifestSource {
        /** Validates the name. */
        public Named {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String describe() {
            return "manifest '" + name + "'";
        }
    }

    /** A manifest file anywhere (YAML, of which JSON is a subset). */
    record File(Path path) implements ManifestSource {
        /** Validates the path. */
        public File {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String describe() {
            return path.toString();
        }
    }

    /** A manifest given as JSON text (how upstream hands a subtree to an inner PVE). */
    record Json(String json) implements ManifestSource {
        /** The name messages use for the text's "file". */
        public static final String LABEL = "--manifest-json";

        /** Validates the text. */
        public Json {
            Objects.requireNonNull(json, "json");
        }

        @Override
        public String describe() {
            return LABEL;
        }
    }
}
