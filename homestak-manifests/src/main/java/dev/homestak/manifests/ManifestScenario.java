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
import java.util.function.UnaryOperator;

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
    private final Map<String, String> lanes = new LinkedHashMap<>();
    private final InnerPves inner;
    private final NodeTree tree;

    private ManifestScenario(Plan plan, RunSettings settings, Optional<Journal> journal, InnerPves inner) {
        this.plan = plan;
        this.settings = settings;
        this.journal = journal;
        this.lane = plan.deployment().host();
        this.inner = inner;
        this.tree = NodeTree.of(plan);
    }

    /** The scenario of {@code verb} for {@code plan}; nodes inside {@code pve} nodes are driven through {@code inner}. */
    static Scenario of(Verb verb, Plan plan, RunSettings settings, Optional<Journal> journal, InnerPves inner) {
        return new ManifestScenario(plan, settings, journal, inner).build(verb);
    }

    /** As {@link #of(Verb, Plan, RunSettings, Optional, InnerPves)} for a plan without {@code pve} parents. */
    static Scenario of(Verb verb, Plan plan, RunSettings settings, Optional<Journal> journal) {
        return of(verb, plan, settings, journal, new InnerPves(plan.deployment().manifest()));
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
                    case DESTROY -> {}
                }
            }
            destroys(
                    plan.nodes().stream()
                            .filter(n -> n.action() == NodeAction.DESTROY)
                            .toList(),
                    phases);
            if (verb == Verb.TEST) {
                plan.nodes().stream()
                        .filter(n -> n.action() != NodeAction.DESTROY)
                        .forEach(this::verify);
                List<NodePlan> built = plan.nodes().stream()
                        .filter(n -> n.action() != NodeAction.DESTROY)
                        .toList();
                destroys(built, cleanup);
                phases.addAll(cleanup);
                policy = settings.cleanupOnFailure() ? CleanupPolicy.ALWAYS : CleanupPolicy.ON_SUCCESS;
            } else if (settings.onError() == dev.homestak.core.manifest.OnError.ROLLBACK) {
                destroys(
                        plan.nodes().stream()
                                .filter(n -> n.action() == NodeAction.CREATE || n.action() == NodeAction.REPLACE)
                                .toList(),
                        cleanup);
                policy = CleanupPolicy.ON_FAILURE;
            }
        }
        phases.forEach(p -> lanes.putIfAbsent(p.name(), lane));
        cleanup.forEach(p -> lanes.putIfAbsent(p.name(), lane));
        PhaseGraph graph = PhaseGraph.of(after, lanes, settings.parallel())
                .withContinueOnFailure(settings.onError() == dev.homestak.core.manifest.OnError.CONTINUE);
        String what = verb.word() + " manifest " + plan.deployment().manifest() + " on "
                + plan.deployment().host();
        return new Scenario(
                name(verb, plan.deployment().manifest()),
                what,
                phases,
                cleanup,
                ScenarioAttributes.defaults().withDefaultCleanup(policy),
                graph);
    }

    /** {@code image/<image>} on the target host, {@code <pve>/image/<image>} inside a {@code pve} node (after it is ready). */
    private void images() {
        Set<String> images = new LinkedHashSet<>();
        plan.nodes().stream()
                .filter(n -> n.action() == NodeAction.CREATE || n.action() == NodeAction.REPLACE)
                .forEach(n -> images.add(imagePhase(n.spec().orElseThrow())));
        for (String name : images) {
            String image = name.substring(name.lastIndexOf('/') + 1);
            Optional<String> pve =
                    name.startsWith("image/") ? Optional.empty() : Optional.of(name.substring(0, name.indexOf('/')));
            phases.add(Phase.of(
                    name,
                    "Ensure image " + image
                            + pve.map(p -> " on " + tree.path(p)).orElse(""),
                    inside(pve, NodeSteps.image(image))));
            pve.ifPresent(p -> {
                lanes.put(name, p);
                after.put(name, Set.of(p + "/prepare")); // every pve node's last step, created or kept
            });
        }
    }

    private String imagePhase(NodeSpec spec) {
        return tree.pveParent(spec.name()).map(p -> p + "/").orElse("") + "image/" + spec.image();
    }

    /** {@code action} run against the PVE of {@code pve} (the target host when empty); fails when it is not ready. */
    private Action<ActionResult> inside(Optional<String> pve, Action<ActionResult> action) {
        if (pve.isEmpty()) {
            return action;
        }
        String parent = pve.get();
        return NodeSteps.described(
                action.describe() + " on " + tree.path(parent),
                ctx -> inner.get(parent)
                        .<io.vavr.control.Either<dev.homestak.actions.ActionFailure, ActionResult>>map(
                                p -> action.run(p.inside(ctx)))
                        .orElseGet(
                                () -> io.vavr.control.Either.left(new dev.homestak.actions.ActionFailure.Precondition(
                                        "the PVE of " + tree.path(parent) + " is not ready in this run"))));
    }

    /** A node's step, run against the PVE it lives in. */
    private Action<ActionResult> on(String node, Action<ActionResult> action) {
        return inside(tree.pveParent(node), action);
    }

    /** Prepares a {@code pve} node as a PVE host (token, pinned certificate, API through SSH forwarding). */
    private Action<ActionResult> prepare(String node) {
        Optional<String> parent = tree.pveParent(node);
        return on(
                node,
                NodeSteps.described(
                        "prepare " + tree.path(node) + " as a PVE host",
                        ctx -> ctx.lookup(Facts.vmIpKey(node))
                                .<io.vavr.control.Either<dev.homestak.actions.ActionFailure, ActionResult>>map(
                                        ip -> inner.connect(ctx, node, ip, parent.flatMap(inner::get))
                                                .map(p -> ActionResult.of("PVE " + p.path() + " ready: node "
                                                        + p.host().nodeName() + ", API through "
                                                        + p.forward().describe() + ", certificate pinned")))
                                .orElseGet(() ->
                                        io.vavr.control.Either.left(new dev.homestak.actions.ActionFailure.Precondition(
                                                "no IP for " + node + " (wait_ip did not run)")))));
    }

    private void keep(NodePlan n) {
        NodeSpec spec = n.spec().orElseThrow();
        LiveVm vm = n.live().orElseThrow();
        Action<ActionResult> keep = Tracked.of(
                NodeSteps.keep(n.name(), vm), () -> {}, r -> journal.ifPresent(j -> j.kept(spec, vm)), f -> {});
        String name = add(n.name(), "keep", "Keep " + tree.path(n.name()), on(n.name(), keep), parentLast(spec));
        if (tree.isPve(n.name())) {
            name = hostSetup(spec, name, a -> a);
            name = add(
                    n.name(),
                    "prepare",
                    "Prepare " + tree.path(n.name()) + " as a PVE host",
                    prepare(n.name()),
                    Set.of(name));
        }
        last.put(n.name(), name);
    }

    private void create(NodePlan n, String tag) {
        NodeSpec spec = n.spec().orElseThrow();
        Set<String> first = new LinkedHashSet<>(parentLast(spec));
        first.add(imagePhase(spec));
        String previous;
        if (n.action() == NodeAction.REPLACE && n.live().isPresent()) {
            previous = add(
                    n.name(),
                    "remove",
                    "Remove the old " + n.name() + " (" + n.reason() + ")",
                    step(n.name(), on(n.name(), NodeSteps.destroy(n.name(), tag)), false),
                    first);
            first = Set.of(previous);
        }
        Action<ActionResult> provision = Tracked.of(
                NodeSteps.provision(spec, plan.deployment().manifest(), tag),
                () -> journal.ifPresent(j -> j.creating(spec)),
                r -> journal.ifPresent(
                        j -> r.facts().get(Facts.vmIdKey(n.name())).ifPresent(id -> j.provisioned(n.name(), id))),
                f -> journal.ifPresent(j -> j.failed(n.name(), f.message())));
        String path = tree.path(n.name());
        boolean pve = tree.isPve(n.name());
        previous = add(n.name(), "provision", "Provision " + path, on(n.name(), provision), first);
        previous = add(
                n.name(),
                "start",
                "Start " + path,
                step(n.name(), on(n.name(), NodeSteps.start(n.name())), false),
                Set.of(previous));
        boolean ssh = settings.verifySsh() || pve;
        previous = add(
                n.name(),
                "wait_ip",
                "Wait for the IP of " + path,
                step(n.name(), on(n.name(), NodeSteps.waitIp(n.name())), !ssh),
                Set.of(previous));
        if (ssh) {
            previous = add(
                    n.name(),
                    "verify_ssh",
                    "Verify SSH to " + path,
                    step(n.name(), on(n.name(), NodeSteps.verifySsh(n.name())), !pve),
                    Set.of(previous));
        }
        if (pve) {
            previous = hostSetup(spec, previous, a -> step(n.name(), a, false));
            previous = add(
                    n.name(),
                    "prepare",
                    "Prepare " + path + " as a PVE host",
                    step(n.name(), prepare(n.name()), true),
                    Set.of(previous));
        }
        last.put(n.name(), previous);
    }

    /**
     * Before a {@code pve} node is prepared: {@code <node>/install_pve} when its image lacks PVE ({@link PveInstall}),
     * then {@code <node>/network}, its bridge and DNS from site.yaml ({@link PveNetwork}); each wrapped by {@code track}.
     */
    private String hostSetup(NodeSpec spec, String previous, UnaryOperator<Action<ActionResult>> track) {
        String node = spec.name();
        String path = tree.path(node);
        if (PveInstall.needed(spec)) {
            previous = add(
                    node,
                    "install_pve",
                    "Install PVE on " + path + " (image " + spec.image() + ")",
                    track.apply(on(node, PveInstall.of(node))),
                    Set.of(previous));
        }
        Action<ActionResult> network = PveNetwork.of(node, path);
        return add(
                node,
                "network",
                "Bridge and DNS of " + path + " from site.yaml",
                track.apply(on(node, network)),
                Set.of(previous));
    }

    private void verify(NodePlan n) {
        add(
                n.name(),
                "verify",
                "Verify " + n.name() + " over SSH",
                on(n.name(), NodeSteps.verifySsh(n.name())),
                Set.of(last.get(n.name())));
    }

    /** Destroy phases for {@code nodes}, each after the destroys of its children among them. */
    private void destroys(List<NodePlan> nodes, List<Phase> into) {
        Set<String> names = new LinkedHashSet<>();
        nodes.forEach(n -> names.add(n.name()));
        for (NodePlan n : nodes.reversed()) {
            String name = n.name() + "/destroy";
            Action<ActionResult> destroy = Tracked.of(
                    destroyOrGone(n.name()),
                    () -> {},
                    r -> {
                        inner.forget(n.name());
                        journal.ifPresent(j -> j.destroyed(n.name()));
                    },
                    f -> {});
            into.add(Phase.of(name, "Destroy " + tree.path(n.name()), destroy));
            tree.pveParent(n.name()).ifPresent(p -> lanes.put(name, p));
            Set<String> children = new LinkedHashSet<>();
            nodes.stream()
                    .filter(c -> parent(c).filter(n.name()::equals).isPresent() && names.contains(c.name()))
                    .forEach(c -> children.add(c.name() + "/destroy"));
            if (!children.isEmpty()) {
                after.put(name, children);
            }
        }
    }

    /**
     * Destroys a node in the PVE it lives in; when that {@code pve} parent is gone (or unreachable in this run), the
     * node went with it: recorded as destroyed, never an error.
     */
    private Action<ActionResult> destroyOrGone(String node) {
        Action<ActionResult> remove = NodeSteps.destroy(node, plan.deployment().tag());
        // a pve node's own forward is closed first: its SSH server goes away with the VM
        Action<ActionResult> destroy = !tree.isPve(node)
                ? remove
                : NodeSteps.described(remove.describe(), ctx -> {
                    inner.forget(node);
                    return remove.run(ctx);
                });
        Optional<String> pve = tree.pveParent(node);
        if (pve.isEmpty()) {
            return destroy;
        }
        return NodeSteps.described(
                destroy.describe() + " on " + tree.path(pve.get()),
                ctx -> inner.get(pve.get())
                        .map(p -> destroy.run(p.inside(ctx)))
                        .orElseGet(() -> io.vavr.control.Either.right(ActionResult.of("Gone with its pve parent "
                                + tree.path(pve.get()) + " (not running or not reachable): nothing to destroy"))));
    }

    private Optional<String> parent(NodePlan n) {
        return n.spec().flatMap(NodeSpec::parent);
    }

    /** A create step: a failure marks the node failed; {@code completes} marks it completed (with its IP). */
    private Action<ActionResult> step(String node, Action<ActionResult> action, boolean completes) {
        return Tracked.of(
                action,
                () -> {},
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
        tree.pveParent(node).ifPresent(p -> lanes.put(name, p));
        if (!waits.isEmpty()) {
            after.put(name, Set.copyOf(waits));
        }
        return name;
    }
}
