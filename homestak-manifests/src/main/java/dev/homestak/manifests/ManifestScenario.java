package dev.homestak.manifests;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionResult;
import dev.homestak.core.Facts;
import dev.homestak.scenarios.CleanupPolicy;
import dev.homestak.scenarios.Phase;
import dev.homestak.scenarios.PhaseGraph;
import dev.homestak.scenarios.Scenario;
import dev.homestak.scenarios.ScenarioAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A plan as a scenario of node steps ({@code <node>/<step>}, {@code image/<image>}) scheduled by a
 * {@link PhaseGraph}: a node's steps one after another, a node after its parent and its image, independent nodes
 * at once, at most {@code perLane} steps per PVE host; destroys children before parents. The scenario runs on the
 * scenario machinery ({@code ScenarioRunner}): events, cancellation, retries, cleanup policy, reports.
 */
final class ManifestScenario {

    private final Plan plan;
    private final RunSettings settings;
    private final Optional<Journal> journal;
    private final String lane;
    private final List<Phase> phases = new ArrayList<>();
    private final List<Phase> cleanup = new ArrayList<>();
    private final Map<String, Set<String>> after = new LinkedHashMap<>();
    private final Map<String, String> last = new HashMap<>();

    private ManifestScenario(Plan plan, RunSettings settings, Optional<Journal> journal) {
        this.plan = plan;
        this.settings = settings;
        this.journal = journal;
        this.lane = plan.deployment().host();
    }

    /** The scenario of {@code verb} for {@code plan}. */
    static Scenario of(Verb verb, Plan plan, RunSettings settings, Optional<Journal> journal) {
        return new ManifestScenario(plan, settings, journal).build(verb);
    }

    /** The scenario name, also the report file's middle part: {@code manifest-<verb>-<name>}. */
    static String name(Verb verb, String manifest) {
        return "manifest-" + verb.word() + "-" + manifest;
    }

    private Scenario build(Verb verb) {
        String tag = plan.deployment().tag();
        CleanupPolicy policy = CleanupPolicy.NEVER;
        if (verb == Verb.DESTROY) {
            destroys(plan.nodes(), phases);
        } else {
            images();
            for (NodePlan n : plan.nodes()) {
                switch (n.action()) {
                    case KEEP -> keep(n);
                    case CREATE, REPLACE -> create(n, tag);
                    case DESTROY -> { }
                }
            }
            destroys(plan.nodes().stream().filter(n -> n.action() == NodeAction.DESTROY).toList(), phases);
            if (verb == Verb.TEST) {
                plan.nodes().stream().filter(n -> n.action() != NodeAction.DESTROY).forEach(this::verify);
                List<NodePlan> built = plan.nodes().stream().filter(n -> n.action() != NodeAction.DESTROY).toList();
                destroys(built, cleanup);
                phases.addAll(cleanup);
                policy = settings.cleanupOnFailure() ? CleanupPolicy.ALWAYS : CleanupPolicy.ON_SUCCESS;
            } else if (settings.onError() == dev.homestak.core.manifest.OnError.ROLLBACK) {
                destroys(plan.nodes().stream().filter(n -> n.action() == NodeAction.CREATE || n.action() == NodeAction.REPLACE)
                        .toList(), cleanup);
                policy = CleanupPolicy.ON_FAILURE;
            }
        }
        Map<String, String> lanes = new LinkedHashMap<>();
        phases.forEach(p -> lanes.put(p.name(), lane));
        cleanup.forEach(p -> lanes.put(p.name(), lane));
        PhaseGraph graph = PhaseGraph.of(after, lanes, settings.parallel())
                .withContinueOnFailure(settings.onError() == dev.homestak.core.manifest.OnError.CONTINUE);
        String what = verb.word() + " manifest " + plan.deployment().manifest() + " on " + plan.deployment().host();
        return new Scenario(name(verb, plan.deployment().manifest()), what, phases, cleanup,
                ScenarioAttributes.defaults().withDefaultCleanup(policy), graph);
    }

    private void images() {
        Set<String> images = new LinkedHashSet<>();
        plan.nodes().stream().filter(n -> n.action() == NodeAction.CREATE || n.action() == NodeAction.REPLACE)
                .forEach(n -> images.add(n.spec().orElseThrow().image()));
        images.forEach(i -> phases.add(Phase.of("image/" + i, "Ensure image " + i, NodeSteps.image(i))));
    }

    private void keep(NodePlan n) {
        NodeSpec spec = n.spec().orElseThrow();
        LiveVm vm = n.live().orElseThrow();
        Action<ActionResult> keep = Tracked.of(NodeSteps.keep(n.name(), vm), () -> { },
                r -> journal.ifPresent(j -> j.kept(spec, vm)), f -> { });
        String name = add(n.name(), "keep", "Keep " + n.name(), keep, parentLast(spec));
        last.put(n.name(), name);
    }

    private void create(NodePlan n, String tag) {
        NodeSpec spec = n.spec().orElseThrow();
        Set<String> first = new LinkedHashSet<>(parentLast(spec));
        first.add("image/" + spec.image());
        String previous;
        if (n.action() == NodeAction.REPLACE && n.live().isPresent()) {
            previous = add(n.name(), "remove", "Remove the old " + n.name() + " (" + n.reason() + ")",
                    step(n.name(), NodeSteps.destroy(n.name(), tag), false), first);
            first = Set.of(previous);
        }
        Action<ActionResult> provision = Tracked.of(NodeSteps.provision(spec, plan.deployment().manifest(), tag),
                () -> journal.ifPresent(j -> j.creating(spec)),
                r -> journal.ifPresent(j -> r.facts().get(Facts.vmIdKey(n.name())).ifPresent(id -> j.provisioned(n.name(), id))),
                f -> journal.ifPresent(j -> j.failed(n.name(), f.message())));
        previous = add(n.name(), "provision", "Provision " + n.name(), provision, first);
        previous = add(n.name(), "start", "Start " + n.name(), step(n.name(), NodeSteps.start(n.name()), false), Set.of(previous));
        boolean ssh = settings.verifySsh();
        previous = add(n.name(), "wait_ip", "Wait for the IP of " + n.name(), step(n.name(), NodeSteps.waitIp(n.name()), !ssh),
                Set.of(previous));
        if (ssh) {
            previous = add(n.name(), "verify_ssh", "Verify SSH to " + n.name(), step(n.name(), NodeSteps.verifySsh(n.name()), true),
                    Set.of(previous));
        }
        last.put(n.name(), previous);
    }

    private void verify(NodePlan n) {
        add(n.name(), "verify", "Verify " + n.name() + " over SSH", NodeSteps.verifySsh(n.name()),
                Set.of(last.get(n.name())));
    }

    /** Destroy phases for {@code nodes}, each after the destroys of its children among them. */
    private void destroys(List<NodePlan> nodes, List<Phase> into) {
        Set<String> names = new LinkedHashSet<>();
        nodes.forEach(n -> names.add(n.name()));
        for (NodePlan n : nodes.reversed()) {
            String name = n.name() + "/destroy";
            Action<ActionResult> destroy = Tracked.of(NodeSteps.destroy(n.name(), plan.deployment().tag()), () -> { },
                    r -> journal.ifPresent(j -> j.destroyed(n.name())), f -> { });
            into.add(Phase.of(name, "Destroy " + n.name(), destroy));
            Set<String> children = new LinkedHashSet<>();
            nodes.stream().filter(c -> parent(c).filter(n.name()::equals).isPresent() && names.contains(c.name()))
                    .forEach(c -> children.add(c.name() + "/destroy"));
            if (!children.isEmpty()) {
                after.put(name, children);
            }
        }
    }

    private Optional<String> parent(NodePlan n) {
        return n.spec().flatMap(NodeSpec::parent);
    }

    /** A create step: a failure marks the node failed; {@code completes} marks it completed (with its IP). */
    private Action<ActionResult> step(String node, Action<ActionResult> action, boolean completes) {
        return Tracked.of(action, () -> { },
                r -> journal.ifPresent(j -> {
                    r.facts().get(Facts.vmIpKey(node)).ifPresent(ip -> j.addressed(node, ip));
                    if (completes) {
                        j.completed(node);
                    }
                }),
                f -> journal.ifPresent(j -> j.failed(node, f.message())));
    }

    private Set<String> parentLast(NodeSpec spec) {
        return spec.parent().map(last::get).map(Set::of).orElse(Set.of());
    }

    private String add(String node, String step, String description, Action<ActionResult> action, Set<String> waits) {
        String name = node + "/" + step;
        phases.add(Phase.of(name, description, action));
        if (!waits.isEmpty()) {
            after.put(name, Set.copyOf(waits));
        }
        return name;
    }
}
