/**
 * homestak's foundation: the failure model, {@link dev.homestak.core.Secret}, {@link dev.homestak.core.Facts},
 * and the site-config loader with its site → node → secrets merge and the env resolver.
 */
@NullMarked
package dev.homestak.core;

import org.jspecify.annotations.NullMarked;
