package dev.homestak.core;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The parts of today's site-config layout (upstream v0.50+) that sit beside the seed's: size presets,
 * manifests, specs and postures. Each is optional; a site-config may have these, the seed's
 * {@code envs/}/{@code vms/}, or both.
 *
 * @param presets {@code presets/*.yaml}, read and checked, by name
 * @param manifests {@code manifests/*.yaml} files by name (read when a manifest is loaded)
 * @param specs {@code specs/*.yaml} files by name
 * @param postures {@code postures/*.yaml} files by name
 */
public record SiteCatalog(
        Map<String, Preset> presets, Map<String, Path> manifests, Map<String, Path> specs, Map<String, Path> postures) {

    /** Copies the maps, sorted by name. */
    public SiteCatalog {
        presets = sorted(presets);
        manifests = sorted(manifests);
        specs = sorted(specs);
        postures = sorted(postures);
    }

    /** A site-config without any of today's parts (the seed layout). */
    public static SiteCatalog empty() {
        return new SiteCatalog(Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** True when none of today's parts is present. */
    public boolean isEmpty() {
        return presets.isEmpty() && manifests.isEmpty() && specs.isEmpty() && postures.isEmpty();
    }

    /** Sorted manifest names. */
    public List<String> manifestNames() {
        return List.copyOf(manifests.keySet());
    }

    private static <V> Map<String, V> sorted(Map<String, V> map) {
        Objects.requireNonNull(map, "map");
        return Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
