package dev.homestak.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Where stop requests come from: the process's SIGINT, SIGTERM and SIGHUP in production, a test's trigger in tests. */
interface StopSignals {

    /** Calls {@code handler} with each stop signal until the returned registration is closed. */
    Registration onInterrupt(Consumer<StopSignal> handler);

    /** An installed handler; closing it restores the previous behaviour (the JVM's: exit at once). */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * The signals of this process (via {@code sun.misc.Signal}, the only way to keep the JVM alive on them). A
     * signal the process was started with ignored ({@code nohup}, a background job's SIGINT) stays ignored: the
     * JVM installs no handler for it.
     */
    static StopSignals system() {
        return handler -> {
            List<Runnable> restore = new ArrayList<>();
            for (StopSignal s : StopSignal.values()) {
                try {
                    sun.misc.Signal signal = new sun.misc.Signal(s.name());
                    sun.misc.SignalHandler previous = sun.misc.Signal.handle(signal, x -> handler.accept(s));
                    restore.add(() -> sun.misc.Signal.handle(signal, previous));
                } catch (IllegalArgumentException e) {
                    // not on this platform (SIGHUP on Windows) or taken by the JVM (-Xrs): nothing to handle
                }
            }
            return () -> restore.forEach(Runnable::run);
        };
    }
}
