package dev.homestak.core;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the parts of today's layout: {@code presets/*.yaml} (checked: whole {@code cores}, {@code memory}
 * and {@code disk} of at least 1), and the names of {@code manifests/}, {@code specs/} and {@code postures/}
 * (read when a manifest uses them). A missing directory has no entries.
 */
final class SiteCatalogLoader {

    private SiteCatalogLoader() {}

    static SiteCatalog load(Path root, Problems problems) {
        Map<String, Preset> presets = new LinkedHashMap<>();
        for (Path file : yamlFiles(root.resolve("presets"), problems)) {
            problems.take(YamlReader.read(file))
                    .flatMap(doc -> preset(doc, problems))
                    .ifPresent(p -> presets.put(p.name(), p));
        }
        return new SiteCatalog(
                presets,
                named(root.resolve("manifests"), problems),
                named(root.resolve("specs"), problems),
                named(root.resolve("postures"), problems));
    }

    private static Optional<Preset> preset(YamlDoc doc, Problems problems) {
        String name = stem(doc.file());
        Optional<Integer> cores = size(doc, "cores", "virtual CPU cores", problems);
        Optional<Integer> memory = size(doc, "memory", "memory in MB", problems);
        Optional<Integer> disk = size(doc, "disk", "disk size in GB", problems);
        if (cores.isEmpty() || memory.isEmpty() || disk.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Preset.of(name, cores.get(), memory.get(), disk.get()));
    }

    private static Optional<Integer> size(YamlDoc doc, String key, String meaning, Problems problems) {
        if (!doc.root().containsKey(key)) {
            problems.add(
                    new ConfigFailure.Missing(doc.file(), key, "is required: add '" + key + ":' (" + meaning + ")"));
            return Optional.empty();
        }
        Optional<Integer> value = problems.integer(doc, doc.root(), "", key);
        if (value.isPresent() && value.get() < 1) {
            problems.invalid(doc, key, "must be at least 1, not " + value.get());
            return Optional.empty();
        }
        return value;
    }

    private static Map<String, Path> named(Path dir, Problems problems) {
        Map<String, Path> files = new LinkedHashMap<>();
        yamlFiles(dir, problems).forEach(f -> files.put(stem(f), f));
        return files;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".yaml".length());
    }

    /** Every {@code *.yaml} directly in {@code dir}, sorted, without hidden files. */
    static List<Path> yamlFiles(Path dir, Problems problems) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        // directories named *.yaml are kept: reading them reports "is a directory" instead of skipping silently
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.yaml")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            problems.add(new ConfigFailure.Unreadable(dir, "cannot list directory: " + e.getMessage()));
        }
        files.removeIf(f -> f.getFileName().toString().startsWith("."));
        files.sort(null);
        return files;
    }
}
