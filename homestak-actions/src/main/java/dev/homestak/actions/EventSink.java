package dev.homestak.actions;

/**
 * Receives the events of running actions (progress lines, tool output). Called from several threads
 * at once (parallel actions, output readers), so implementations must be thread-safe and quick.
 */
@FunctionalInterface
public interface EventSink {

    /** A sink that drops every event. */
    EventSink NONE = event -> {};

    /** Receives one event. */
    void accept(ActionEvent event);
}
