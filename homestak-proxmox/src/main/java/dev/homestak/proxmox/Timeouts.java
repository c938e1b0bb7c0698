package dev.homestak.proxmox;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Per-call HTTP timeouts. Reads wait longer than pveproxy's own 30 s forwarding limit so that its
 * 596 arrives instead of a client-side timeout.
 *
 * @param connect TCP + TLS connect
 * @param read between bytes of a response
 * @param call the whole call
 */
public record Timeouts(Duration connect, Duration read, Duration call) {

    /** Validates. */
    public Timeouts {
        requireNonNull(connect, "connect");
        requireNonNull(read, "read");
        requireNonNull(call, "call");
    }

    /** connect 10 s, read 60 s, call 90 s. */
    public static Timeouts defaults() {
        return new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(90));
    }
}
