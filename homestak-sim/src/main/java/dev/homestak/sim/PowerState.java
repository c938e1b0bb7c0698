package dev.homestak.sim;

/** The power state of a simulated VM, as {@code status/current} reports it. */
public enum PowerState {
    /** Not running (created, stopped or shut down). */
    STOPPED,
    /** Running (from the end of its start task). */
    RUNNING;

    /** PVE's spelling: {@code running} or {@code stopped}. */
    public String pve() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
