package dev.homestak.manifests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homestak.core.Facts;
import dev.homestak.core.manifest.OnError;
import dev.homestak.scenarios.PhaseResult;
import dev.homestak.scenarios.PhaseStatus;
import dev.homestak.scenarios.RunReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a verb did: the plan it followed, the scenario run's report (phases {@code <node>/<step>}, files written)
 * and a result per node.
 *
 * @param verb   apply, destroy or test
 * @param plan   the plan the run followed
 * @param report the run's report
 * @param nodes  a result per node, in plan order
 */
public record ManifestResult(Verb verb, Plan plan, RunReport report, List<NodeResult> nodes) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Validates and copies. */
    public ManifestResult {
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(report, "report");
        nodes = List.copyOf(nodes);
    }

    /** True when the run passed (every step, and the cleanup). */
    public boolean success() {
        return report.passed();
    }

    /** The node's result. */
    public Optional<NodeResult> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** Builds the per-node results from the report. */
    static ManifestResult of(Verb verb, Plan plan, RunReport report, OnError onError) {
        List<NodeResult> out = new ArrayList<>();
        for (NodePlan n : plan.nodes()) {
            List<PhaseResult> mine = report.phases().stream()
                    .filter(p -> p.name().startsWith(n.name() + "/"))
                    .toList();
            Duration took = mine.stream().map(PhaseResult::duration).reduce(Duration.ZERO, Duration::plus);
            Optional<PhaseResult> failed =
                    mine.stream().filter(p -> p.status() == PhaseStatus.FAILED).findFirst();
            boolean destroyed = mine.stream()
                    .anyMatch(p -> p.name().equals(n.name() + "/destroy") && p.status() == PhaseStatus.PASSED);
            boolean notRun = mine.stream().anyMatch(p -> !p.cleanup() && p.status() == PhaseStatus.NOT_RUN);
            String status = failed.isPresent()
                    ? "failed"
                    : destroyed
                            ? "destroyed"
                            : notRun ? (onError == OnError.CONTINUE ? "skipped" : "pending") : "completed";
            Facts facts = report.facts();
            Optional<Integer> vmId =
                    facts.get(Facts.vmIdKey(n.name())).or(() -> n.live().map(LiveVm::vmid));
            Optional<String> ip =
                    facts.get(Facts.vmIpKey(n.name())).or(() -> n.live().flatMap(LiveVm::ip));
            out.add(new NodeResult(n.name(), status, vmId, ip, took, failed.map(PhaseResult::message)));
        }
        return new ManifestResult(verb, plan, report, out);
    }

    /**
     * Upstream's {@code --json-output} result: {@code {"verb","success","duration_seconds","nodes":[{"name",
     * "status","vm_id","ip","duration","error"}]}}, plus {@code run_id}, {@code manifest}, {@code host} and
     * {@code reports}.
     */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("verb", verb.word());
        root.put("success", success());
        root.put("duration_seconds", seconds(report.duration()));
        root.put("manifest", plan.deployment().manifest());
        root.put("host", plan.deployment().host());
        root.put("run_id", report.runId());
        ArrayNode list = root.putArray("nodes");
        for (NodeResult n : nodes) {
            ObjectNode o = list.addObject();
            o.put("name", n.name());
            o.put("status", n.status());
            n.vmId().ifPresentOrElse(id -> o.put("vm_id", id), () -> o.putNull("vm_id"));
            n.ip().ifPresentOrElse(ip -> o.put("ip", ip), () -> o.putNull("ip"));
            o.put("duration", seconds(n.duration()));
            n.error().ifPresentOrElse(e -> o.put("error", e), () -> o.putNull("error"));
        }
        ArrayNode files = root.putArray("reports");
        report.files().forEach(f -> files.add(f.toString()));
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("result JSON", e);
        }
    }

    private static double seconds(Duration d) {
        return Math.round(d.toMillis() / 10.0) / 100.0;
    }
}
