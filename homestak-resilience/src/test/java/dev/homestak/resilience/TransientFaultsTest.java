package dev.homestak.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.scenarios.PhaseStatus;
import dev.homestak.scenarios.RunEvent;
import dev.homestak.scenarios.RunOptions;
import dev.homestak.scenarios.RunOutcome;
import dev.homestak.scenarios.Scenario;
import dev.homestak.sim.FaultKind;
import dev.homestak.sim.FaultRule;
import dev.homestak.sim.RecordedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Fifty {@code simple-vm-roundtrip}s against a simulator that answers one request in ten (seeded) with a
 * transient fault: 500 (no worker), 503, 596, a connection reset or a lock timeout (see {@link #faulty}).
 */
@Order(30)
@DisplayName("transient faults: 50 roundtrips with 10 % of requests failing")
class TransientFaultsTest {

    static final int RUNS = 50;
    static final long SEED = Long.getLong("resilience.seed", 20260103L);
    static final List<FaultKind> KINDS = List.of(
            FaultKind.HTTP_500,
            FaultKind.HTTP_503,
            FaultKind.HTTP_596,
            FaultKind.CONNECTION_RESET,
            FaultKind.LOCK_TIMEOUT);

    @Test
    @DisplayName(
            "every run passes, no VM is left, and every injected fault was retried, each retry a run event (and a DEBUG log line)")
    void fiftyRoundtrips() throws IOException {
        Path root = Outputs.dir("transient");
        Scenario roundtrip = SimSite.scenario("simple-vm-roundtrip");
        long retriesBefore = retryLines();
        int faults = 0;
        int requests = 0;
        int retryEventCount = 0;
        try (SimSite site = SimSite.start(root, b -> faulty(b.seed(SEED)))) {
            for (int i = 0; i < RUNS; i++) {
                int requestsBefore = site.sim.requests().size();
                int faultsBefore = site.sim.faults().size();
                long retriesBeforeRun = retryLines();
                Runs.Finished run = Runs.run(site, root.resolve("run-" + i), roundtrip, RunOptions.defaults());

                assertThat(run.report().outcome())
                        .as("run %d: %s", i, run.report().failureSummary())
                        .isEqualTo(RunOutcome.PASSED);
                assertThat(run.report().phases())
                        .allSatisfy(p -> assertThat(p.status()).isEqualTo(PhaseStatus.PASSED));
                assertThat(site.sim.vms()).as("VMs left after run %d", i).isEmpty();
                List<RecordedRequest> seen = site.sim
                        .requests()
                        .subList(requestsBefore, site.sim.requests().size());
                int injected = answered(site.sim
                        .faults()
                        .subList(faultsBefore, site.sim.faults().size()));
                assertThat(seen.stream()
                                .filter(r -> r.status() >= 500 || r.status() == 0)
                                .count())
                        .as("run %d: failed answers in the request log", i)
                        .isGreaterThanOrEqualTo(injected);
                assertThat(retryLines() - retriesBeforeRun)
                        .as(
                                "run %d: one retry logged per injected fault %s",
                                i,
                                site.sim
                                        .faults()
                                        .subList(faultsBefore, site.sim.faults().size()))
                        .isEqualTo(injected);
                List<RunEvent.Retry> retryEvents = run.events().stream()
                        .filter(RunEvent.Retry.class::isInstance)
                        .map(RunEvent.Retry.class::cast)
                        .toList();
                assertThat(retryEvents)
                        .as("run %d: one retry event per injected fault", i)
                        .hasSize(injected);
                assertThat(retryEvents).allSatisfy(e -> assertThat(e.phase()).isNotBlank());
                try (var lines = Files.lines(root.resolve("run-" + i).resolve("events.jsonl"))) {
                    assertThat(lines.filter(l -> l.contains("\"type\":\"retry\""))
                                    .count())
                            .as("run %d: retry events in events.jsonl", i)
                            .isEqualTo(retryEvents.size());
                }
                retryEventCount += retryEvents.size();
                faults += injected;
                requests += seen.size();
            }
            Map<FaultKind, Long> byKind = site.sim.faults().stream()
                    .collect(Collectors.groupingBy(f -> f.kind(), java.util.TreeMap::new, Collectors.counting()));
            assertThat(byKind.keySet()).as("every kind was injected").containsAll(KINDS);
            assertThat(retryLines() - retriesBefore)
                    .as("one client retry logged per injected fault")
                    .isEqualTo(faults);
            assertThat(retryEventCount).as("one retry event per injected fault").isEqualTo(faults);
            Files.writeString(
                    root.resolve("summary.txt"),
                    RUNS + " roundtrips passed, " + requests + " API requests, " + faults
                            + " faults answered (rules matched, by kind: " + byKind + "), " + faults
                            + " retries logged and " + retryEventCount + " retry events, VMs left: 0\n");
        }
    }

    /**
     * Faults the client saw: the simulator logs every rule that matched a request, so two rules drawing the
     * same request show up as two entries for one answer (same target, microseconds apart); only the first
     * one answered.
     */
    static int answered(List<dev.homestak.sim.InjectedFault> faults) {
        int count = 0;
        dev.homestak.sim.InjectedFault previous = null;
        for (var f : faults) {
            boolean sameRequest = previous != null
                    && previous.target().equals(f.target())
                    && java.time.Duration.between(previous.at(), f.at()).abs().toMillis() < 1;
            if (!sameRequest) {
                count++;
            }
            previous = f;
        }
        return count;
    }

    /**
     * Each kind on 2 % of the requests: one request in ten fails. 500, 503 and lock timeouts hit reads and
     * writes (PVE did not act, the client resends). 596 and resets hit reads only: on a write their outcome is
     * unknown and the client rightly never resends it. Recovery from that is the engine's, per step: the destroy
     * phase re-reads the VM (RegressionTest.unknownOutcomeOfStop); creating and starting are not checked here.
     */
    static dev.homestak.sim.SimulatorBuilder faulty(dev.homestak.sim.SimulatorBuilder b) {
        for (FaultKind kind : KINDS) {
            FaultRule.Builder rule = FaultRule.builder(kind).rate(0.02);
            if (kind == FaultKind.HTTP_596 || kind == FaultKind.CONNECTION_RESET) {
                rule.method("GET");
            }
            b.fault(rule.build());
        }
        return b;
    }

    /** Lines of the suite's log that record a client retry. */
    static long retryLines() throws IOException {
        Path log = Outputs.logFile();
        if (!Files.exists(log)) {
            return 0;
        }
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.contains("; retry ")).count();
        }
    }
}
