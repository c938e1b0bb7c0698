package dev.homestak.cli;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Ctrl-C for tests: {@link #fire()} calls every registered handler, as SIGINT would. */
final class ManualInterrupts implements Interrupts {

    private final List<Runnable> handlers = new CopyOnWriteArrayList<>();

    @Override
    public Registration onInterrupt(Runnable handler) {
        handlers.add(handler);
        return () -> handlers.remove(handler);
    }

    /** One Ctrl-C. */
    void fire() {
        handlers.forEach(Runnable::run);
    }

    /** True while a handler is registered (a run is in progress). */
    boolean armed() {
        return !handlers.isEmpty();
    }
}
