package dev.homestak.core;

import java.util.Objects;

/**
 * A VM size preset of today's layout ({@code presets/<name>.yaml}, names like {@code vm-small}):
 * the cores, memory and disk a manifest node gets unless it overrides the disk.
 *
 * @param name the primary key (file stem)
 * @param cores virtual CPU cores (at least 1)
 * @param memoryMb memory in MB (at least 1)
 * @param diskGb disk size in GB (at least 1)
 */
public record Preset(String name, int cores, int memoryMb, int diskGb) {

    /** Validates components. */
    public Preset {
        Objects.requireNonNull(name, "name");
        if (cores < 1 || memoryMb < 1 || diskGb < 1) {
            throw new IllegalArgumentException("preset " + name + ": cores, memory and disk must be at least 1");
        }
    }

    /** The preset {@code name} with {@code cores} cores, {@code memoryMb} MB of memory and a {@code diskGb} GB disk. */
    public static Preset of(String name, int cores, int memoryMb, int diskGb) {
        return new Preset(name, cores, memoryMb, diskGb);
    }
}
