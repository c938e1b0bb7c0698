package dev.homestak.proxmox;

/** The value of a call that succeeded and returns nothing (PVE's {@code "data": null}). */
public enum Done {
    /** The only value. */
    DONE
}
