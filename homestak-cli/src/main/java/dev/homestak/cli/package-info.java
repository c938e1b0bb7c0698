/** The {@code homestak} command: a thin composition root over the homestak library. */
@NullMarked
package dev.homestak.cli;

import org.jspecify.annotations.NullMarked;
