package dev.homestak.scenarios;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A named, ordered list of phases, plus the cleanup (destructor) phases that remove what it builds.
 *
 * <p>{@link #phases()} is what runs and what {@code --list-phases} shows. {@link #cleanup()} is run by the
 * cleanup policy after a failure, a timeout or a cancellation (and, for a policy that cleans after success,
 * at the end). A phase that appears in both (same name) is a teardown phase of the normal path: a roundtrip
 * lists its destructor's phases last, and they run there only when the policy cleans after success.
 *
 * @param name the scenario name ({@code simple-vm-roundtrip})
 * @param description one line shown by {@code --list-scenarios}
 * @param phases the phases in order
 * @param cleanup the phases that remove what the scenario builds, in order; may be empty
 * @param attributes expected runtime, confirmation, host config, default cleanup policy
 * @param graph how the phases are scheduled: {@link PhaseGraph#sequential()} (list order) or a graph run in parallel
 */
public record Scenario(
        String name,
        String description,
        List<Phase> phases,
        List<Phase> cleanup,
        ScenarioAttributes attributes,
        PhaseGraph graph) {

    /** A scenario whose phases run in list order. */
    public Scenario(
            String name, String description, List<Phase> phases, List<Phase> cleanup, ScenarioAttributes attributes) {
        this(name, description, phases, cleanup, attributes, PhaseGraph.sequential());
    }

    /** Validates components: names non-blank, phase names unique within each list, the graph's phases known. */
    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        phases = List.copyOf(phases);
        cleanup = List.copyOf(cleanup);
        Objects.requireNonNull(attributes, "attributes");
        if (name.isBlank()) {
            throw new IllegalArgumentException("scenario name must not be blank");
        }
        requireUnique(name, phases);
        requireUnique(name, cleanup);
        Objects.requireNonNull(graph, "graph");
        if (!graph.isSequential()) {
            graph.check(name, names(phases, cleanup));
        }
    }

    /** A scenario without cleanup phases and with the default attributes. */
    public static Scenario of(String name, String description, List<Phase> phases) {
        return new Scenario(name, description, phases, List.of(), ScenarioAttributes.defaults());
    }

    /**
     * A roundtrip composed of a constructor and a destructor (not copied): the constructor's phases then the
     * destructor's, with the destructor's phases as cleanup and cleanup policy {@code always} by default.
     */
    public static Scenario roundtrip(String name, String description, Scenario constructor, Scenario destructor) {
        List<Phase> all = new ArrayList<>(constructor.phases());
        all.addAll(destructor.phases());
        return new Scenario(
                name,
                description,
                all,
                destructor.phases(),
                constructor.attributes().withDefaultCleanup(CleanupPolicy.ALWAYS));
    }

    /** A copy whose cleanup phases are {@code destructor}'s (so a failed constructor can clean up after itself). */
    public Scenario withCleanup(Scenario destructor) {
        return new Scenario(name, description, phases, destructor.phases(), attributes, graph);
    }

    /** A copy with other attributes. */
    public Scenario withAttributes(ScenarioAttributes value) {
        return new Scenario(name, description, phases, cleanup, value, graph);
    }

    /** A copy scheduled by {@code value}. */
    public Scenario withGraph(PhaseGraph value) {
        return new Scenario(name, description, phases, cleanup, attributes, value);
    }

    /** The phase names in order, then the cleanup phases that are not in the main list. */
    public List<String> phaseNames() {
        return names(phases, cleanup);
    }

    private static List<String> names(List<Phase> phases, List<Phase> cleanup) {
        Set<String> names = new LinkedHashSet<>();
        phases.forEach(p -> names.add(p.name()));
        cleanup.forEach(p -> names.add(p.name()));
        return List.copyOf(names);
    }

    /** True when {@code phase} is a teardown phase (it is one of the cleanup phases). */
    public boolean isTeardown(Phase phase) {
        return cleanup.stream().anyMatch(c -> c.name().equals(phase.name()));
    }

    /** The phase (main or cleanup) with that name. */
    public Optional<Phase> phase(String phaseName) {
        return phases.stream()
                .filter(p -> p.name().equals(phaseName))
                .findFirst()
                .or(() ->
                        cleanup.stream().filter(p -> p.name().equals(phaseName)).findFirst());
    }

    private static void requireUnique(String scenario, List<Phase> list) {
        Set<String> seen = new HashSet<>();
        for (Phase p : list) {
            if (!seen.add(p.name())) {
                throw new IllegalArgumentException("scenario " + scenario + " has two phases named " + p.name());
            }
        }
    }
}
