package dev.homestak.cli;

import dev.homestak.scenarios.RunFailure;
import dev.homestak.scenarios.Scenario;
import io.vavr.control.Either;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code --list-scenarios} and {@code --list-phases} in the original's format. They read only the scenario
 * registry: no site-config, no host, no HTTP or SSH classes.
 */
final class Listings {

    private final PrintWriter out;

    Listings(PrintWriter out) {
        this.out = out;
    }

    /**
     * The listing the top-level command answers for these options, printed: the scenarios when asked or when no
     * scenario is named (and no check is asked), the phases of the named scenario when asked; empty when the
     * options ask for a run or a check instead. One decision for {@link HomestakCommand} and {@link FastPath}.
     */
    Optional<Either<RunFailure, Integer>> answer(
            boolean listScenarios, boolean listPhases, Optional<String> scenario, boolean preflight) {
        if (listScenarios || (scenario.isEmpty() && !preflight)) {
            return Optional.of(Either.right(scenarios(scenario.isEmpty())));
        }
        if (listPhases && scenario.isPresent()) {
            return Optional.of(phases(scenario.get()));
        }
        return Optional.empty();
    }

    /** {@code Available scenarios:} then {@code   name (30) runtime (6)  description}; with a usage hint if asked. */
    int scenarios(boolean usageHint) {
        out.println("Available scenarios:");
        for (Scenario s : Registry.load().all()) {
            out.println(scenarioLine(s));
        }
        if (usageHint) {
            out.println();
            out.println("Usage: homestak --scenario <name> [--host <host>]");
        }
        out.flush();
        return ExitCode.OK;
    }

    /** {@code Phases for scenario 'X':} then {@code   phase: description}, or the unknown-scenario failure. */
    Either<RunFailure, Integer> phases(String scenarioName) {
        return Registry.load().find(scenarioName).map(s -> {
            out.println("Phases for scenario '" + s.name() + "':");
            s.phases().forEach(p -> out.println("  " + p.name() + ": " + p.description()));
            out.flush();
            return ExitCode.OK;
        });
    }

    /** One line of the v0.9 list: {@code f"  {name:30} {runtime:>6}  {description}"}. */
    static String scenarioLine(Scenario s) {
        String runtime = s.attributes().expectedRuntime().map(Listings::runtime).orElse("");
        return String.format("  %-30s %6s  %s", s.name(), runtime, s.description());
    }

    /** {@code ~Nm} from a minute on (whole minutes, rounded down), else {@code ~Ns}. */
    static String runtime(Duration d) {
        long seconds = d.toSeconds();
        return seconds >= 60 ? "~" + seconds / 60 + "m" : "~" + seconds + "s";
    }
}
