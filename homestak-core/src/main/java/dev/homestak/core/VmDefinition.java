package dev.homestak.core;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A VM template ({@code vms/<name>.yaml}) or size preset ({@code vms/presets/<name>.yaml}): VM keys
 * ({@code image}, {@code cores}, {@code memory} MB, {@code disk} GB, {@code bridge}, {@code ip},
 * {@code gateway}, {@code packages}, ...) in file order, and for a template the preset it builds on.
 *
 * @param name the primary key (file stem)
 * @param file where it was read from
 * @param preset a template's {@code preset:} FK into {@code vms/presets/}; never set for presets
 * @param values the VM keys without {@code preset}, type-checked
 */
public record VmDefinition(String name, Path file, Optional<String> preset, Map<String, Object> values) {

    /** Validates components and copies the values, keeping their order. */
    public VmDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(preset, "preset");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
