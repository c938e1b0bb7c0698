package dev.homestak.scenarios;

import dev.homestak.actions.ActionEvent;
import dev.homestak.actions.EventSink;
import dev.homestak.proxmox.RetryNotice;
import dev.homestak.scenarios.internal.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Numbers, redacts and delivers the events of one run. Synchronized, so that listeners see events one at a
 * time and in sequence order even when a parallel action's threads report at once.
 */
final class EventEmitter {

    private static final Logger log = LoggerFactory.getLogger(EventEmitter.class);

    private final String runId;
    private final List<RunListener> listeners;
    private final Redactor redactor;
    private final Clock clock;
    private long counter;

    EventEmitter(String runId, List<RunListener> listeners, Redactor redactor, Clock clock) {
        this.runId = runId;
        this.listeners = List.copyOf(listeners);
        this.redactor = redactor;
        this.clock = clock;
    }

    void runStarted(String scenario, String host, List<String> phases, boolean dryRun) {
        emit(n -> new RunEvent.RunStarted(runId, n, clock.instant(), scenario, host, phases, dryRun));
    }

    void phaseStarted(Phase phase, boolean cleanup) {
        emit(n -> new RunEvent.PhaseStarted(runId, n, clock.instant(), phase.name(), phase.description(), cleanup));
    }

    void phaseEnded(PhaseResult r) {
        switch (r.status()) {
            case PASSED ->
                emit(n -> new RunEvent.PhasePassed(runId, n, clock.instant(), r.name(), r.message(), r.duration()));
            case FAILED ->
                emit(n -> new RunEvent.PhaseFailed(runId, n, clock.instant(), r.name(), r.message(), r.duration()));
            case SKIPPED, NOT_RUN ->
                phaseSkipped(r.name(), r.message().isEmpty() ? r.status().label() : r.message());
        }
    }

    void phaseSkipped(String phase, String reason) {
        emit(n -> new RunEvent.PhaseSkipped(runId, n, clock.instant(), phase, redactor.redact(reason)));
    }

    void runFinished(RunOutcome outcome, Duration duration) {
        emit(n -> new RunEvent.RunFinished(runId, n, clock.instant(), outcome, duration));
    }

    /** The sink handed to a phase's actions: their progress, tool output and retries become run events of that phase. */
    EventSink sinkFor(String phase) {
        return event -> {
            String text = redactor.redact(event.text());
            switch (event) {
                case ActionEvent.Progress p -> emit(n -> new RunEvent.Progress(runId, n, clock.instant(), phase, text));
                case ActionEvent.Retry r ->
                    emit(n -> new RunEvent.Retry(runId, n, clock.instant(), phase, redacted(r.notice())));
                case ActionEvent.Output o ->
                    emit(n -> new RunEvent.ToolOutput(
                            runId,
                            n,
                            clock.instant(),
                            phase,
                            o.source(),
                            o.stream().name().toLowerCase(Locale.ROOT),
                            text));
            }
        };
    }

    // the number is taken and the event delivered under the same lock, so delivery order is seq order
    private synchronized void emit(LongFunction<RunEvent> make) {
        RunEvent event = make.apply(++counter);
        for (RunListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                log.warn(
                        "run listener {} failed on {} event; ignored",
                        l,
                        event.getClass().getSimpleName(),
                        e);
            }
        }
    }

    /** The notice with the run's secrets taken out of PVE's reason (the request names no secret). */
    private RetryNotice redacted(RetryNotice notice) {
        String problem = redactor.redact(notice.problem());
        return problem.equals(notice.problem())
                ? notice
                : new RetryNotice(notice.request(), problem, notice.attempt(), notice.pause());
    }
}
