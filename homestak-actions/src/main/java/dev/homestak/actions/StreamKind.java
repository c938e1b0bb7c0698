package dev.homestak.actions;

/** Which output stream of a process (or SSH command) a line came from. */
public enum StreamKind {
    /** Standard output. */
    STDOUT,
    /** Standard error. */
    STDERR
}
