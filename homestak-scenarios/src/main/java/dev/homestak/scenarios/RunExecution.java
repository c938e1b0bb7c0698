package dev.homestak.scenarios;

import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.CancellationToken;
import dev.homestak.actions.RunControl;
import dev.homestak.core.Facts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run of one scenario: the main path, then cleanup as the policy says, then the report. The first
 * {@link #cancel()} stops the main path (the running phase is cancelled) and lets cleanup run, each cleanup
 * phase with its own time budget; a second one aborts cleanup as well.
 */
final class RunExecution {

    private static final String INTERRUPTED = "interrupted";
    private static final String TIMEOUT = "scenario timeout";

    private final Scenario scenario;
    private final RunOptions options;
    private final RunnerSettings settings;
    private final String runId;
    private final EventEmitter events;
    private final PhaseExecutor executor;
    private final CleanupPolicy policy;
    private final NestedApiTunnels tunnels = new NestedApiTunnels();
    private final CancellationToken mainToken = CancellationToken.create();
    private final CancellationToken cleanupToken = CancellationToken.create();
    private final AtomicInteger cancels = new AtomicInteger();
    private final AtomicBoolean timedOut = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    // written from several threads when the scenario runs as a graph
    private final Map<String, PhaseResult> results = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile Facts facts;
    private Instant started = Instant.EPOCH;
    private String notReached = "";
    private volatile Optional<String> interruptedBy = Optional.empty();

    RunExecution(Scenario scenario, RunOptions options, RunnerSettings settings, RunControl run, Facts startFacts) {
        this.scenario = scenario;
        this.options = options;
        this.settings = settings;
        this.runId = run.runId().orElseThrow();
        this.facts = startFacts;
        this.policy = options.cleanupFor(scenario);
        this.events = new EventEmitter(runId, settings.listeners(), settings.redactor(), settings.clock());
        this.executor = new PhaseExecutor(settings, events, run, tunnels);
    }

    String runId() {
        return runId;
    }

    /** First call: stop the main path and clean up. Later calls: abort cleanup too. */
    void cancel(String by) {
        if (cancels.incrementAndGet() == 1) {
            interruptedBy = Optional.of(by);
            mainToken.cancel(INTERRUPTED);
        } else {
            cleanupToken.cancel("interrupted twice: cleanup aborted");
        }
    }

    /** Emits the last event of the run, once its files are written. */
    void announce(RunReport report) {
        events.runFinished(report.outcome(), report.duration());
    }

    /** Runs everything and returns the report (files not yet written). */
    RunReport execute() {
        started = settings.clock().instant();
        events.runStarted(scenario.name(), settings.host(), scenario.phaseNames(), options.dryRun());
        try {
            if (options.dryRun()) {
                dryRun();
            } else {
                options.timeout().ifPresent(this::armTimeout);
                boolean mainOk = mainPath();
                cleanup(mainOk);
            }
        } finally {
            tunnels.close();
            finished.countDown();
        }
        return report();
    }

    private void armTimeout(Duration limit) {
        Thread.ofVirtual().name("timeout-" + runId).start(() -> {
            try {
                if (!finished.await(limit.toNanos(), TimeUnit.NANOSECONDS)) {
                    timedOut.set(true);
                    mainToken.cancel(TIMEOUT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private boolean mainPath() {
        if (!scenario.graph().isSequential()) {
            return graphMainPath();
        }
        for (Phase p : scenario.phases()) {
            if (scenario.isTeardown(p)) {
                if (mainToken.isCancelled()) {
                    notReached = "not reached: " + stopReason();
                    return false;
                }
                teardownOnSuccess(p);
            } else if (options.skip().contains(p.name())) {
                record(PhaseResult.skipped(
                        p.name(), p.description(), settings.clock().instant()));
            } else if (mainToken.isCancelled()) {
                fail(p, stopMessage() + " before phase " + p.name() + " started");
                return false;
            } else {
                PhaseExecutor.Outcome o =
                        executor.run(p, facts, mainToken, p.timeout(), PhaseExecutor.Kind.MAIN, f -> explain(f, false));
                results.put(p.name(), o.result());
                if (o.result().status() != PhaseStatus.PASSED) {
                    notReached = mainToken.isCancelled()
                            ? "not reached: " + stopReason()
                            : "not reached: " + p.name() + " failed";
                    return false;
                }
                facts = facts.merge(o.facts());
            }
        }
        return true;
    }

    /** The main path as a graph: phases in parallel as the graph allows; teardown phases are left to cleanup. */
    private boolean graphMainPath() {
        List<Phase> main =
                scenario.phases().stream().filter(p -> !scenario.isTeardown(p)).toList();
        GraphScheduler.Outcome o = GraphScheduler.main(scenario.graph())
                .run(main, this::runGraphPhase, this::record, mainToken::isCancelled);
        boolean ok = main.stream().allMatch(p -> o.results().containsKey(p.name()))
                && o.results().values().stream()
                        .allMatch(r -> r.status() == PhaseStatus.PASSED || r.status() == PhaseStatus.SKIPPED);
        if (!ok) {
            notReached = mainToken.isCancelled()
                    ? "not reached: " + stopReason()
                    : "not reached: " + o.firstFailure().map(f -> f + " failed").orElse("an earlier phase failed");
        }
        return ok;
    }

    private PhaseResult runGraphPhase(Phase p) {
        if (options.skip().contains(p.name())) {
            PhaseResult r = PhaseResult.skipped(
                    p.name(), p.description(), settings.clock().instant());
            record(r);
            return r;
        }
        PhaseExecutor.Outcome o =
                executor.run(p, facts, mainToken, p.timeout(), PhaseExecutor.Kind.MAIN, f -> explain(f, false));
        results.put(p.name(), o.result());
        mergeFacts(o.facts());
        return o.result();
    }

    private synchronized void mergeFacts(Facts more) {
        facts = facts.merge(more);
    }

    private void teardownOnSuccess(Phase p) {
        if (!policy.afterSuccess()) {
            record(PhaseResult.skipped(
                            p.name(), p.description(), settings.clock().instant())
                    .withMessage("kept: cleanup policy " + policy.cliName()));
        } else {
            runCleanupPhase(p);
        }
    }

    private void cleanup(boolean mainOk) {
        boolean allowed = mainOk ? policy.afterSuccess() : policy.afterFailure();
        List<Phase> toRun = new ArrayList<>();
        for (Phase c : scenario.cleanup()) {
            if (results.containsKey(c.name())) {
                continue; // already ran (or was skipped) as a teardown phase of the main path
            }
            if (!allowed) {
                if (scenario.phases().stream().anyMatch(p -> p.name().equals(c.name()))) {
                    String kept = "kept: cleanup policy " + policy.cliName();
                    if (mainOk) {
                        record(PhaseResult.skipped(
                                        c.name(),
                                        c.description(),
                                        settings.clock().instant())
                                .withMessage(kept));
                    } else {
                        results.put(c.name(), PhaseResult.notRun(c.name(), c.description(), kept));
                    }
                }
            } else {
                toRun.add(c);
            }
        }
        if (scenario.graph().isSequential()) {
            toRun.forEach(c -> runCleanupPhase(c, !mainOk));
        } else {
            GraphScheduler.cleanup(scenario.graph())
                    .run(
                            toRun,
                            c -> {
                                runCleanupPhase(c, !mainOk);
                                return results.get(c.name());
                            },
                            this::record,
                            () -> false);
        }
    }

    private void runCleanupPhase(Phase c) {
        runCleanupPhase(c, false);
    }

    private void runCleanupPhase(Phase c, boolean afterFailure) {
        if (options.skip().contains(c.name())) {
            record(PhaseResult.skipped(
                    c.name(), c.description(), settings.clock().instant()));
        } else if (cleanupToken.isCancelled()) {
            record(PhaseResult.notRun(c.name(), c.description(), "cleanup aborted (interrupted twice)")
                    .asCleanup());
        } else {
            Duration budget = c.timeout().orElse(options.cleanupBudget());
            PhaseExecutor.Outcome o = executor.run(
                    c,
                    facts,
                    cleanupToken,
                    Optional.of(budget),
                    afterFailure ? PhaseExecutor.Kind.CLEANUP_AFTER_FAILURE : PhaseExecutor.Kind.CLEANUP,
                    f -> explain(f, true));
            results.put(c.name(), o.result());
            mergeFacts(o.facts());
        }
    }

    private void dryRun() {
        for (Phase p : scenario.phases()) {
            String what = options.skip().contains(p.name())
                    ? "skipped on request"
                    : (scenario.isTeardown(p)
                                    ? "dry-run: cleanup (policy " + policy.cliName() + ") would run "
                                    : "dry-run: would run ")
                            + p.actionDetails();
            record(PhaseResult.skipped(
                            p.name(), p.description(), settings.clock().instant())
                    .withMessage(what));
        }
    }

    private void record(PhaseResult r) {
        results.put(r.name(), r);
        events.phaseEnded(r);
    }

    private void fail(Phase p, String message) {
        Instant now = settings.clock().instant();
        record(PhaseResult.ran(p.name(), p.description(), PhaseStatus.FAILED, message, now, now));
        notReached = "not reached: " + stopReason();
    }

    private String explain(ActionFailure failure, boolean cleanup) {
        if (cleanup && cleanupToken.isCancelled()) {
            return "Cleanup aborted (interrupted twice): " + failure.message();
        }
        if (!cleanup && mainToken.isCancelled()) {
            return stopMessage() + ": " + failure.message();
        }
        return failure.message();
    }

    private String stopReason() {
        return timedOut.get() ? TIMEOUT : "run " + INTERRUPTED;
    }

    /** The original's timeout message ({@code Timeout exceeded (E.Es >= Ts)}) or the interrupt's. */
    private String stopMessage() {
        if (timedOut.get()) {
            double elapsed =
                    Duration.between(started, settings.clock().instant()).toMillis() / 1000.0;
            Duration limit = options.timeout().orElseThrow();
            String limitText = limit.toMillis() % 1000 == 0
                    ? limit.toSeconds() + "s"
                    : String.format(java.util.Locale.ROOT, "%.1fs", limit.toMillis() / 1000.0);
            return String.format(java.util.Locale.ROOT, "Timeout exceeded (%.1fs >= %s)", elapsed, limitText);
        }
        return "Interrupted";
    }

    private RunReport report() {
        List<PhaseResult> ordered = new ArrayList<>();
        for (Phase p : scenario.phases()) {
            ordered.add(results.getOrDefault(p.name(), PhaseResult.notRun(p.name(), p.description(), notReached)));
        }
        for (Phase c : scenario.cleanup()) {
            if (scenario.phases().stream().noneMatch(p -> p.name().equals(c.name())) && results.containsKey(c.name())) {
                ordered.add(results.get(c.name()));
            }
        }
        CleanupSummary cleanup = summarize(ordered);
        return RunReport.builder()
                .runId(runId)
                .scenario(scenario.name())
                .host(settings.host())
                .outcome(outcome(ordered, cleanup))
                .startedAt(started)
                .finishedAt(settings.clock().instant())
                .phases(ordered)
                .facts(facts)
                .cleanup(cleanup)
                .interruptedBy(mainToken.reason().filter(INTERRUPTED::equals).flatMap(r -> interruptedBy))
                .build();
    }

    private RunOutcome outcome(List<PhaseResult> phases, CleanupSummary cleanup) {
        RunOutcome outcome = RunOutcome.PASSED;
        if (phases.stream().anyMatch(p -> !p.cleanup() && p.status() == PhaseStatus.FAILED)) {
            outcome = RunOutcome.FAILED;
        }
        if (mainToken.reason().filter(INTERRUPTED::equals).isPresent()) {
            outcome = outcome.worst(RunOutcome.INTERRUPTED);
        }
        return cleanup.failed() ? outcome.worst(RunOutcome.CLEANUP_FAILED) : outcome;
    }

    private static CleanupSummary summarize(List<PhaseResult> phases) {
        List<String> cleaned = new ArrayList<>();
        List<String> remaining = new ArrayList<>();
        boolean ran = false;
        for (PhaseResult p : phases) {
            if (!p.cleanup()) {
                continue;
            }
            ran = true;
            String line = p.name() + ": " + (p.message().isEmpty() ? p.status().label() : p.message());
            (p.status() == PhaseStatus.PASSED ? cleaned : remaining).add(line);
        }
        return ran ? new CleanupSummary(true, cleaned, remaining) : CleanupSummary.none();
    }
}
