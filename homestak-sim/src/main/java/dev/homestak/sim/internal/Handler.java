package dev.homestak.sim.internal;

import org.jspecify.annotations.Nullable;

/** Answers one API call with the value of {@code data} (null for PVE's {@code "data": null}). */
@FunctionalInterface
interface Handler {
    /** Handles the call; throws {@link PveError} where PVE would {@code die}. */
    @Nullable
    Object handle(Call call);
}
