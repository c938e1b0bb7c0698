package dev.homestak.cli;

import java.io.PrintWriter;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * How every long-running command answers SIGINT, SIGTERM and SIGHUP (any mix of them) while its work runs: the
 * first stops the work and lets its cleanup run, the second stops the cleanup as well and says what may be left,
 * the third ends the process at once (exit 128 + that signal). Outside of {@link #watch} the JVM's default applies:
 * a signal during start-up, before there is anything to clean up, exits at once.
 *
 * <pre>{@code
 * try (StopRequests stops = StopRequests.watch(env.interrupts(), human, handle::cancel, leftoverHint)) {
 *     report = handle.await();
 * }
 * }</pre>
 */
final class StopRequests implements AutoCloseable {

    private final AtomicInteger count = new AtomicInteger();
    private final AtomicReference<StopSignal> first = new AtomicReference<>();
    private final PrintWriter human;
    private final Consumer<String> cancel;
    private final String leftoverHint;
    private final StopSignals.Registration registration;

    private StopRequests(StopSignals interrupts, PrintWriter human, Consumer<String> cancel, String leftoverHint) {
        this.human = human;
        this.cancel = cancel;
        this.leftoverHint = leftoverHint;
        this.registration = interrupts.onInterrupt(this::signalled);
    }

    /**
     * Handles stop signals until closed. {@code cancel} gets the signal's name ({@code SIGTERM}) on the first and
     * the second signal (the first stops the work, the second its cleanup); {@code leftoverHint} is printed with the
     * second (what may be left and how to remove it later).
     */
    static StopRequests watch(StopSignals interrupts, PrintWriter human, Consumer<String> cancel, String leftoverHint) {
        return new StopRequests(
                Objects.requireNonNull(interrupts, "interrupts"),
                Objects.requireNonNull(human, "human"),
                Objects.requireNonNull(cancel, "cancel"),
                Objects.requireNonNull(leftoverHint, "leftoverHint"));
    }

    /** The first signal received, if any. */
    Optional<StopSignal> first() {
        return Optional.ofNullable(first.get());
    }

    private void signalled(StopSignal signal) {
        switch (count.incrementAndGet()) {
            case 1 -> {
                first.set(signal);
                human.println();
                human.println("homestak: interrupted (" + signal.signalName() + "): stopping the run, then cleanup "
                        + "(Ctrl-C or another signal skips cleanup)");
                human.flush();
                cancel.accept(signal.signalName());
            }
            case 2 -> {
                human.println("homestak: " + signal.signalName()
                        + " again: stopping cleanup now: resources may be left behind"
                        + (leftoverHint.isEmpty() ? "" : ": " + leftoverHint));
                human.flush();
                cancel.accept(signal.signalName());
            }
            default -> {
                human.flush();
                Runtime.getRuntime().halt(signal.exitCode());
            }
        }
    }

    @Override
    public void close() {
        registration.close();
    }
}
