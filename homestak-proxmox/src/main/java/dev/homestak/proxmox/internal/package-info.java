/**
 * Not API: the bundled PVE API schema ({@code PveApiSchema}) and its request validation, used by the simulator
 * (the module exports this package to {@code dev.homestak.sim} only) and by the client's contract tests.
 */
@NullMarked
package dev.homestak.proxmox.internal;

import org.jspecify.annotations.NullMarked;
