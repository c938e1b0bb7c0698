/**
 * Manifests run by homestak's one engine: {@link dev.homestak.manifests.ManifestRunner} turns a manifest into a
 * scenario of node steps scheduled as a graph, keeps the deployment's state per (host, manifest), plans, applies,
 * verifies, destroys and reports.
 */
@NullMarked
package dev.homestak.manifests;

import org.jspecify.annotations.NullMarked;
