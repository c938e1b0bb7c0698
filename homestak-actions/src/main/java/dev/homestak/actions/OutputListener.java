package dev.homestak.actions;

/** Receives each line a running command prints, as it prints it (called from reader threads). */
@FunctionalInterface
public interface OutputListener {

    /** Ignores every line. */
    OutputListener NONE = (stream, line) -> {};

    /** One line, without its line terminator. */
    void line(StreamKind stream, String line);

    /** A listener that gives each line to this one and then to {@code next}. */
    default OutputListener andThen(OutputListener next) {
        return (stream, line) -> {
            line(stream, line);
            next.line(stream, line);
        };
    }
}
