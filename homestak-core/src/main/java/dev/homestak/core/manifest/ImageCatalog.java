package dev.homestak.core.manifest;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cloud image names a manifest node may use ({@code image:}): those the packer release publishes
 * as {@code <name>.qcow2}, which image actions fetch and the native provisioner imports.
 *
 * @param names the known image names
 */
public record ImageCatalog(Set<String> names) {

    /** The images of upstream's packer release since v0.50: Debian 12, Debian 13, and Debian 13 with PVE 9. */
    public static final ImageCatalog RELEASED = new ImageCatalog(Set.of("debian-12", "debian-13", "pve-9"));

    /** Copies the names, sorted. */
    public ImageCatalog {
        names = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(names, "names")));
    }

    /** Whether {@code image} is known. */
    public boolean knows(String image) {
        return names.contains(image);
    }

    /** This catalog with {@code more} images added (a site that builds its own). */
    public ImageCatalog with(Set<String> more) {
        TreeSet<String> all = new TreeSet<>(names);
        all.addAll(more);
        return new ImageCatalog(all);
    }
}
