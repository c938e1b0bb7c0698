package dev.homestak.actions;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline (never a fixed sleep). */
final class Await {

    private Await() {}

    /** True as soon as the condition holds; false when the deadline passed first. */
    static boolean until(BooleanSupplier condition, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        return true;
    }
}
