package dev.homestak.scenarios;

import dev.homestak.core.Failure;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Why a run could not start: the options do not fit the scenario or an input file is bad. Nothing was run
 * and nothing was touched. (A phase that fails is not a {@code RunFailure}: it is in the {@link RunReport}.)
 */
public sealed interface RunFailure extends Failure {

    /** A phase named in the options ({@code --skip}) is not a phase of the scenario. */
    record UnknownPhase(String scenario, String phase, List<String> valid) implements RunFailure {
        /** Validates and copies. */
        public UnknownPhase {
            Objects.requireNonNull(scenario, "scenario");
            Objects.requireNonNull(phase, "phase");
            valid = List.copyOf(valid);
        }

        @Override
        public String message() {
            return "Unknown phase '" + phase + "' for scenario " + scenario + ". Valid phases: "
                    + String.join(", ", valid);
        }
    }

    /** The context file exists but cannot be read or is not a flat JSON object. */
    record ContextFile(Path file, String problem) implements RunFailure {
        /** Validates components. */
        public ContextFile {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(problem, "problem");
        }

        @Override
        public String message() {
            return "Context file " + file + ": " + problem + " (fix or delete it; it is rewritten after the run)";
        }
    }

    /** The scenario name is not registered. */
    record UnknownScenario(String scenario, List<String> available) implements RunFailure {
        /** Validates and copies. */
        public UnknownScenario {
            Objects.requireNonNull(scenario, "scenario");
            available = List.copyOf(available);
        }

        @Override
        public String message() {
            return "Unknown scenario: " + scenario + ". Available: " + String.join(", ", available);
        }
    }

    /** The run lock ({@link RunLocks}) could not be taken: without it, {@code homestak cleanup} would see a dead run. */
    record RunLock(String problem) implements RunFailure {
        /** Validates components. */
        public RunLock {
            Objects.requireNonNull(problem, "problem");
        }

        @Override
        public String message() {
            return problem;
        }
    }

    /**
     * Something the run's phases need is missing or unusable, found before the first phase: an unknown env, node,
     * template or preset, an unusable image name, a {@code --vm-id} name no VM has, a report directory or context
     * file that cannot be written.
     */
    record NotReady(String problem) implements RunFailure {
        /** Validates components. */
        public NotReady {
            Objects.requireNonNull(problem, "problem");
        }

        @Override
        public String message() {
            return problem + ": nothing was run";
        }
    }
}
