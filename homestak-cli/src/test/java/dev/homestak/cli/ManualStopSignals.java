package dev.homestak.cli;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Ctrl-C for tests: {@link #fire()} calls every registered handler, as SIGINT would. */
final class ManualStopSignals implements StopSignals {

    private final List<Consumer<StopSignal>> handlers = new CopyOnWriteArrayList<>();

    @Override
    public Registration onInterrupt(Consumer<StopSignal> handler) {
        handlers.add(handler);
        return () -> handlers.remove(handler);
    }

    /** One Ctrl-C. */
    void fire() {
        fire(StopSignal.INT);
    }

    /** One stop signal. */
    void fire(StopSignal signal) {
        handlers.forEach(h -> h.accept(signal));
    }

    /** True while a handler is registered (a run is in progress). */
    boolean armed() {
        return !handlers.isEmpty();
    }
}
