package dev.homestak.scenarios;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event it receives. */
final class RecordingListener implements RunListener {

    final List<RunEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(RunEvent event) {
        events.add(event);
    }

    List<String> types() {
        return events.stream()
                .map(e -> e.getClass().getSimpleName() + (phase(e).isEmpty() ? "" : ":" + phase(e)))
                .toList();
    }

    static String phase(RunEvent e) {
        return switch (e) {
            case RunEvent.PhaseStarted p -> p.phase();
            case RunEvent.PhasePassed p -> p.phase();
            case RunEvent.PhaseFailed p -> p.phase();
            case RunEvent.PhaseSkipped p -> p.phase();
            case RunEvent.Progress p -> p.phase();
            case RunEvent.ToolOutput p -> p.phase();
            case RunEvent.Retry p -> p.phase();
            case RunEvent.RunStarted r -> "";
            case RunEvent.RunFinished r -> "";
        };
    }
}
