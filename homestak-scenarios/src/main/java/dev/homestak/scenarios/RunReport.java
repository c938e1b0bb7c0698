package dev.homestak.scenarios;

import dev.homestak.core.Facts;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything about one run of a scenario: what ran, how it ended, what cleanup did, the facts at the end
 * and the files written. {@link ScenarioRunner#run} returns one for every run, passed or not.
 *
 * @param runId the run's id, also the PVE tag on every VM it created ({@code homestak-run-<id>})
 * @param scenario the scenario name
 * @param host the host (PVE node) the run targeted
 * @param outcome how the run ended
 * @param startedAt when the run started
 * @param finishedAt when the run finished
 * @param phases one result per phase, in the scenario's order (phases never reached are {@code not run})
 * @param facts the facts at the end of the run (as written to the context file)
 * @param cleanup what cleanup did
 * @param files the report files written (JSON, Markdown, JUnit XML, context file)
 * @param warnings problems that did not change the outcome (a report that could not be written)
 * @param interruptedBy what interrupted the run ({@code SIGINT}, {@code SIGTERM}, {@code SIGHUP}, or how an
 *                      embedding program named it in {@link RunHandle#cancel(String)}); empty when not interrupted
 */
public record RunReport(
        String runId,
        String scenario,
        String host,
        RunOutcome outcome,
        Instant startedAt,
        Instant finishedAt,
        List<PhaseResult> phases,
        Facts facts,
        CleanupSummary cleanup,
        List<Path> files,
        List<String> warnings,
        Optional<String> interruptedBy) {

    /** Validates components and copies the lists. */
    public RunReport {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        phases = List.copyOf(phases);
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(cleanup, "cleanup");
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(interruptedBy, "interruptedBy");
    }

    /** A builder for a report. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder preset with this report's values. */
    public Builder toBuilder() {
        return new Builder()
                .runId(runId)
                .scenario(scenario)
                .host(host)
                .outcome(outcome)
                .startedAt(startedAt)
                .finishedAt(finishedAt)
                .phases(phases)
                .facts(facts)
                .cleanup(cleanup)
                .files(files)
                .warnings(warnings)
                .interruptedBy(interruptedBy);
    }

    /** True when the run passed. */
    public boolean passed() {
        return outcome.passed();
    }

    /** Wall time of the whole run. */
    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }

    /** The first phase that failed, if any (the one whose message explains the run's failure). */
    public Optional<PhaseResult> firstFailure() {
        return phases.stream().filter(p -> p.status() == PhaseStatus.FAILED).findFirst();
    }

    /**
     * One line saying why the run did not pass, for a user to act on: the first failed phase with its
     * description and message (which names the VM and PVE's reason), then what cleanup could not remove.
     * Empty for a passed run.
     */
    public Optional<String> failureSummary() {
        if (passed()) {
            return Optional.empty();
        }
        String main = phases.stream()
                .filter(p -> p.status() == PhaseStatus.FAILED && !p.cleanup())
                .findFirst()
                .map(p -> "phase " + p.name() + " (" + p.description() + ") failed: "
                        + p.message().strip().replace('\n', ' '))
                .orElse(outcome == RunOutcome.INTERRUPTED ? "run interrupted" : "run failed");
        String left = cleanup.failed() ? "; cleanup could not remove: " + String.join("; ", cleanup.remaining()) : "";
        return Optional.of(main + left);
    }

    /** The result of the named phase, if the scenario has it. */
    public Optional<PhaseResult> phase(String name) {
        return phases.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** This report with the files written and the warnings added. */
    public RunReport withFiles(List<Path> written, List<String> moreWarnings) {
        List<String> all = new ArrayList<>(warnings);
        all.addAll(moreWarnings);
        return toBuilder().files(written).warnings(all).build();
    }

    /** Builds a {@link RunReport}; the only mutable type here. */
    public static final class Builder {
        private String runId = "";
        private String scenario = "";
        private String host = "";
        private RunOutcome outcome = RunOutcome.PASSED;
        private Instant startedAt = Instant.EPOCH;
        private Instant finishedAt = Instant.EPOCH;
        private List<PhaseResult> phases = List.of();
        private Facts facts = Facts.empty();
        private CleanupSummary cleanup = CleanupSummary.none();
        private List<Path> files = List.of();
        private List<String> warnings = List.of();
        private Optional<String> interruptedBy = Optional.empty();

        private Builder() {}

        /** Sets the run id. */
        public Builder runId(String value) {
            runId = value;
            return this;
        }

        /** Sets the scenario name. */
        public Builder scenario(String value) {
            scenario = value;
            return this;
        }

        /** Sets the host name. */
        public Builder host(String value) {
            host = value;
            return this;
        }

        /** Sets the outcome. */
        public Builder outcome(RunOutcome value) {
            outcome = value;
            return this;
        }

        /** Sets the start time. */
        public Builder startedAt(Instant value) {
            startedAt = value;
            return this;
        }

        /** Sets the finish time. */
        public Builder finishedAt(Instant value) {
            finishedAt = value;
            return this;
        }

        /** Sets the phase results. */
        public Builder phases(List<PhaseResult> value) {
            phases = value;
            return this;
        }

        /** Sets the final facts. */
        public Builder facts(Facts value) {
            facts = value;
            return this;
        }

        /** Sets the cleanup summary. */
        public Builder cleanup(CleanupSummary value) {
            cleanup = value;
            return this;
        }

        /** Sets the files written. */
        public Builder files(List<Path> value) {
            files = value;
            return this;
        }

        /** Sets the warnings. */
        public Builder warnings(List<String> value) {
            warnings = value;
            return this;
        }

        /** Sets what interrupted the run (empty: not interrupted). */
        public Builder interruptedBy(Optional<String> value) {
            interruptedBy = value;
            return this;
        }

        /** The report. */
        public RunReport build() {
            return new RunReport(
                    runId,
                    scenario,
                    host,
                    outcome,
                    startedAt,
                    finishedAt,
                    phases,
                    facts,
                    cleanup,
                    files,
                    warnings,
                    interruptedBy);
        }
    }
}
