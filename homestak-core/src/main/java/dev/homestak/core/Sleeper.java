package dev.homestak.core;

import java.time.Duration;

/**
 * Waits between polls and retries, for the Proxmox client and the actions alike; injectable so tests never
 * sleep for real (they substitute one that advances a manual clock). A wait ends early when the thread is
 * interrupted, which is how a cancelled run stops a waiting action at once.
 */
@FunctionalInterface
public interface Sleeper {

    /** Blocks for {@code duration}; throws when the thread is interrupted. */
    void sleep(Duration duration) throws InterruptedException;

    /** The real thing: {@link Thread#sleep(Duration)}. */
    static Sleeper system() {
        return Thread::sleep;
    }
}
