package dev.homestak.scenarios;

/**
 * Receives the {@link RunEvent}s of runs as they happen.
 *
 * <p>Listeners are called on the thread that produced the event, one event at a time per run and in
 * {@link RunEvent#seq()} order; they should return quickly. An exception thrown by a listener is logged
 * and otherwise ignored: a listener cannot fail a run.
 */
@FunctionalInterface
public interface RunListener {

    /** Called for each event. */
    void onEvent(RunEvent event);
}
