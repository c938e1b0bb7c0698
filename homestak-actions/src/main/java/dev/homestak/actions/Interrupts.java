package dev.homestak.actions;

import java.util.function.Supplier;

/**
 * Blocking work that a cancellation ends at once: the calling thread is interrupted when the token is cancelled
 * (the Proxmox client ends its HTTP call, poll or pause; a {@link dev.homestak.core.Sleeper} wakes up), and the
 * interrupt is cleared again afterwards, since it was ours and has done its work.
 */
final class Interrupts {

    private Interrupts() {}

    /** Runs {@code body} on this thread, interrupted if {@code token} is cancelled meanwhile. */
    static <T> T onCancel(CancellationToken token, Supplier<T> body) {
        Thread self = Thread.currentThread();
        try (CancellationToken.Registration r = token.onCancel(self::interrupt)) {
            return body.get();
        } finally {
            if (token.isCancelled()) {
                Thread.interrupted();
            }
        }
    }
}
