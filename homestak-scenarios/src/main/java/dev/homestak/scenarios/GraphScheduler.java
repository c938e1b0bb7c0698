package dev.homestak.scenarios;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a set of phases along a {@link PhaseGraph}: each phase on its own virtual thread as soon as the phases it
 * waits for are done (main path: passed or skipped; cleanup: ended either way) and its lane has room. Only this
 * thread decides what starts, so the bookkeeping needs no lock.
 */
final class GraphScheduler {

    private final PhaseGraph graph;
    private final boolean cleanup;

    private GraphScheduler(PhaseGraph graph, boolean cleanup) {
        this.graph = graph;
        this.cleanup = cleanup;
    }

    /** A scheduler for the main path: a failure stops new starts unless the graph continues on failure. */
    static GraphScheduler main(PhaseGraph graph) {
        return new GraphScheduler(graph, false);
    }

    /** A scheduler for cleanup: every phase runs once the phases it waits for ended, whatever their result. */
    static GraphScheduler cleanup(PhaseGraph graph) {
        return new GraphScheduler(graph, true);
    }

    /** What ran: every phase's result, and the first failed phase, if any. */
    record Outcome(Map<String, PhaseResult> results, Optional<String> firstFailure) {}

    /**
     * Runs {@code phases}. {@code runOne} runs one phase (on a scheduler thread) and returns its result;
     * {@code notReached} records a phase that will not run because a phase it waits for failed (continue mode);
     * {@code stopped} says when nothing new may start (cancellation, timeout). Phases left out of the result were not
     * started.
     */
    Outcome run(
            List<Phase> phases,
            Function<Phase, PhaseResult> runOne,
            Consumer<PhaseResult> notReached,
            BooleanSupplier stopped) {
        Set<String> names = new LinkedHashSet<>();
        phases.forEach(p -> names.add(p.name()));
        Map<String, PhaseResult> done = new LinkedHashMap<>();
        Set<String> started = new LinkedHashSet<>();
        Map<String, Integer> load = new HashMap<>();
        BlockingQueue<PhaseResult> finished = new LinkedBlockingQueue<>();
        Optional<String> firstFailure = Optional.empty();
        int running = 0;
        boolean interrupted = false;
        while (true) {
            boolean halt =
                    stopped.getAsBoolean() || (firstFailure.isPresent() && !graph.continueOnFailure() && !cleanup);
            for (Phase p : startable(phases, names, done, started, load, halt, notReached)) {
                started.add(p.name());
                load.merge(graph.lane(p.name()), 1, Integer::sum);
                running++;
                Thread.ofVirtual().name("graph-" + p.name()).start(() -> finished.add(runSafely(runOne, p)));
            }
            if (running == 0) {
                break;
            }
            PhaseResult r;
            while (true) {
                try {
                    r = finished.take();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the run's token cancels the phases; wait for them to report
                }
            }
            running--;
            load.merge(graph.lane(r.name()), -1, Integer::sum);
            done.put(r.name(), r);
            if (!cleanup && failed(r) && firstFailure.isEmpty()) {
                firstFailure = Optional.of(r.name());
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return new Outcome(done, firstFailure);
    }

    /** Phases that may start now, in list order; in continue mode, marks the descendants of failed phases. */
    private List<Phase> startable(
            List<Phase> phases,
            Set<String> names,
            Map<String, PhaseResult> done,
            Set<String> started,
            Map<String, Integer> load,
            boolean halt,
            Consumer<PhaseResult> notReached) {
        List<Phase> ready = new ArrayList<>();
        Map<String, Integer> planned = new HashMap<>(load);
        boolean marked = true;
        while (marked) {
            marked = false;
            for (Phase p : phases) {
                if (started.contains(p.name()) || ready.contains(p)) {
                    continue;
                }
                List<String> waits =
                        graph.after(p.name()).stream().filter(names::contains).toList();
                Optional<String> broken = cleanup
                        ? Optional.empty()
                        : waits.stream()
                                .filter(w -> done.containsKey(w) && failed(done.get(w)))
                                .findFirst();
                if (broken.isPresent()) {
                    if (graph.continueOnFailure() && !halt) {
                        PhaseResult cause = done.get(broken.get());
                        // the message names the phase that failed, however far up the chain it is
                        String why = cause.status() == PhaseStatus.NOT_RUN
                                ? cause.message()
                                : "not reached: " + cause.name() + " failed";
                        PhaseResult skipped = PhaseResult.notRun(p.name(), p.description(), why);
                        started.add(p.name());
                        done.put(p.name(), skipped);
                        notReached.accept(skipped);
                        marked = true;
                    }
                    continue;
                }
                if (halt || !done.keySet().containsAll(waits)) {
                    continue;
                }
                String lane = graph.lane(p.name());
                if (planned.getOrDefault(lane, 0) < graph.perLane()) {
                    planned.merge(lane, 1, Integer::sum);
                    ready.add(p);
                }
            }
        }
        return ready;
    }

    private static boolean failed(PhaseResult r) {
        return r.status() == PhaseStatus.FAILED || r.status() == PhaseStatus.NOT_RUN;
    }

    private static PhaseResult runSafely(Function<Phase, PhaseResult> runOne, Phase p) {
        try {
            return runOne.apply(p);
        } catch (RuntimeException | Error bug) {
            java.time.Instant now = java.time.Instant.now();
            return PhaseResult.ran(p.name(), p.description(), PhaseStatus.FAILED, "internal error: " + bug, now, now);
        }
    }
}
