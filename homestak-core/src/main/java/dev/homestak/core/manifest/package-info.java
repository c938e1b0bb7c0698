/**
 * Manifests (schema v2): a tree of {@code vm}/{@code ct}/{@code pve} nodes that describes what to build,
 * read from a site-config's {@code manifests/}, a file or JSON text, and validated all at once
 * ({@link dev.homestak.core.manifest.Manifests#load}).
 */
@NullMarked
package dev.homestak.core.manifest;

import org.jspecify.annotations.NullMarked;
