package dev.homestak.sim.internal;

/** A handler result that also carries PVE's top-level {@code total} (task logs, task lists). */
record Paged(Object data, int total) {}
