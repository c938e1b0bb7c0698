package dev.homestak.scenarios;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a scenario's phases are scheduled. {@link #sequential()} (every built-in scenario) runs them one after
 * another in list order. A graph runs each phase as soon as the phases it comes {@link #after} have passed,
 * several at once: at most {@link #perLane} phases of the same lane (e.g. the PVE host they act on) run together.
 * Cleanup phases are scheduled by the same graph: a cleanup phase waits for its {@code after} phases to end, pass
 * or fail, so that children are destroyed before their parents.
 *
 * @param after             phase name to the names of the phases it must wait for (missing: none)
 * @param lanes             phase name to its lane (missing: lane {@code ""})
 * @param perLane           phases of one lane running at once, at least 1
 * @param continueOnFailure after a failure, go on with the phases that do not depend on the failed one (they are
 *                          {@code not run}, "not reached: X failed"); otherwise start nothing new and let the
 *                          running phases finish
 */
public record PhaseGraph(
        Map<String, Set<String>> after, Map<String, String> lanes, int perLane, boolean continueOnFailure) {

    private static final PhaseGraph SEQUENTIAL = new PhaseGraph(Map.of(), Map.of(), 1, false);

    /** Validates and copies. */
    public PhaseGraph {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        after.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "phase"), Set.copyOf(new LinkedHashSet<>(v))));
        after = Map.copyOf(copy);
        lanes = Map.copyOf(lanes);
        if (perLane < 1) {
            throw new IllegalArgumentException("perLane must be at least 1");
        }
    }

    /** One phase after another, in list order. */
    public static PhaseGraph sequential() {
        return SEQUENTIAL;
    }

    /** A graph with {@code after} edges, lanes and their bound; stops starting phases after the first failure. */
    public static PhaseGraph of(Map<String, Set<String>> after, Map<String, String> lanes, int perLane) {
        return new PhaseGraph(after, lanes, perLane, false);
    }

    /** A copy that does (or does not) go on with independent phases after a failure. */
    public PhaseGraph withContinueOnFailure(boolean value) {
        return new PhaseGraph(after, lanes, perLane, value);
    }

    /** True for the list-order schedule. */
    public boolean isSequential() {
        return this.equals(SEQUENTIAL);
    }

    /** The phases {@code phase} waits for. */
    public Set<String> after(String phase) {
        return after.getOrDefault(phase, Set.of());
    }

    /** The lane of {@code phase}. */
    public String lane(String phase) {
        return lanes.getOrDefault(phase, "");
    }

    /** Refuses edges to unknown phases and cycles; {@code names} are the scenario's phase names. */
    void check(String scenario, List<String> names) {
        Set<String> known = Set.copyOf(names);
        after.forEach((phase, deps) -> {
            if (!known.contains(phase)) {
                throw new IllegalArgumentException("scenario " + scenario + ": graph names unknown phase " + phase);
            }
            deps.stream().filter(d -> !known.contains(d)).findFirst().ifPresent(d -> {
                throw new IllegalArgumentException(
                        "scenario " + scenario + ": phase " + phase + " waits for unknown phase " + d);
            });
        });
        Set<String> done = new LinkedHashSet<>();
        while (done.size() < known.size()) {
            List<String> ready = names.stream()
                    .filter(n -> !done.contains(n) && done.containsAll(after(n)))
                    .toList();
            if (ready.isEmpty()) {
                throw new IllegalArgumentException("scenario " + scenario + ": the phase graph has a cycle");
            }
            done.addAll(ready);
        }
    }
}
