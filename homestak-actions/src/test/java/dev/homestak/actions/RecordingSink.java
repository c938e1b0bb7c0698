package dev.homestak.actions;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An event sink that keeps every event, for assertions. */
final class RecordingSink implements EventSink {

    private final List<ActionEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void accept(ActionEvent event) {
        events.add(event);
    }

    List<ActionEvent> events() {
        return List.copyOf(events);
    }

    List<String> progress() {
        return events.stream()
                .filter(e -> e instanceof ActionEvent.Progress)
                .map(ActionEvent::text)
                .toList();
    }

    List<String> output(StreamKind stream) {
        return events.stream()
                .filter(e -> e instanceof ActionEvent.Output o && o.stream() == stream)
                .map(ActionEvent::text)
                .toList();
    }
}
