package dev.homestak.cli;

/** Where Ctrl-C comes from: the process's SIGINT in production, a test's trigger in tests. */
interface Interrupts {

    /** Calls {@code handler} on every interrupt until the returned registration is closed. */
    Registration onInterrupt(Runnable handler);

    /** An installed interrupt handler; closing it restores the previous behaviour. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** SIGINT of this process (via {@code sun.misc.Signal}, the only way to keep the JVM alive on Ctrl-C). */
    static Interrupts system() {
        return handler -> {
            sun.misc.Signal signal = new sun.misc.Signal("INT");
            sun.misc.SignalHandler previous = sun.misc.Signal.handle(signal, s -> handler.run());
            return () -> sun.misc.Signal.handle(signal, previous);
        };
    }
}
