package dev.homestak.scenarios;

import dev.homestak.actions.ActionContext;
import dev.homestak.scenarios.internal.Redactor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The immutable configuration a {@link ScenarioRunner} hands to each of its runs. */
record RunnerSettings(
        ActionContext base,
        String host,
        Optional<Path> reportDir,
        List<RunListener> listeners,
        Redactor redactor,
        Clock clock,
        Duration cancelGrace,
        Optional<RunLocks> runLocks) {

    RunnerSettings {
        listeners = List.copyOf(listeners);
    }
}
