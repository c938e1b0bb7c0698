package dev.homestak.manifests;

import dev.homestak.actions.ActionContext;
import dev.homestak.core.HostConfig;
import dev.homestak.core.SiteConfig;
import dev.homestak.core.manifest.Manifest;
import dev.homestak.scenarios.RunHandle;
import dev.homestak.scenarios.RunOptions;
import dev.homestak.scenarios.RunnerBuilder;
import dev.homestak.scenarios.Scenario;
import dev.homestak.scenarios.ScenarioRunner;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Runs manifests on one PVE host: the embedding API for manifests, as {@link ScenarioRunner} is for scenarios (and
 * built on it: a verb is a scenario of node steps scheduled as a graph). Configure once with {@link #builder()};
 * then {@link #plan}, {@link #run} / {@link #start} ({@code apply}, {@code destroy}, {@code test}), {@link #status}.
 * Each verb that changes something holds the deployment's lock and records every node transition in its state.
 */
public final class ManifestRunner implements AutoCloseable {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ManifestRunner.class);

    private final ActionContext context;
    private final HostConfig host;
    private final SiteConfig site;
    private final StateStore store;
    private final ScenarioRunner runner;
    private final Clock clock;

    private ManifestRunner(ScenarioRunner runner, HostConfig host, SiteConfig site, StateStore store, Clock clock) {
        this.runner = runner;
        this.host = host;
        this.site = site;
        this.store = store;
        this.clock = clock;
        this.context = runner.actionContext();
    }

    /** Releases the adapters the runner created for the ports not given ({@link Builder#ports}). */
    @Override
    public void close() {
        runner.close();
    }

    /** A builder; {@link Builder#hostConfig} and {@link Builder#site} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The deployment of {@code manifest} on this runner's host. */
    public Deployment deployment(Manifest manifest) {
        return new Deployment(manifest.name(), host.name());
    }

    /** Manifest × state × live VMs: what {@code apply} would do. Reads only; takes no lock. */
    public Either<ManifestFailure, Plan> plan(Manifest manifest) {
        Deployment d = deployment(manifest);
        try (InnerPves inner = new InnerPves(manifest.name(), "-read")) {
            return NodeSpecs.of(manifest, site)
                    .flatMap(specs -> store.read(d)
                            .flatMap(state -> live(
                                            d, specs, true, manifest.settings().verifySsh(), inner)
                                    .map(vms -> Plan.of(
                                            d,
                                            specs,
                                            state,
                                            vms,
                                            manifest.settings().verifySsh()))));
        }
    }

    /** Upstream's {@code --dry-run} text for {@code verb}, with the plan's action per node. Reads only. */
    public Either<ManifestFailure, String> dryRun(Verb verb, Manifest manifest) {
        return plan(manifest).map(plan -> DryRunText.render(verb, manifest, plan));
    }

    /** The live table of the deployment (nodes of the manifest, and VMs tagged for it that it no longer has). */
    public Either<ManifestFailure, DeploymentStatus> status(Manifest manifest) {
        Deployment d = deployment(manifest);
        try (InnerPves inner = new InnerPves(manifest.name(), "-read")) {
            return NodeSpecs.of(manifest, site)
                    .flatMap(specs -> store.read(d)
                            .flatMap(state -> live(d, specs, true, false, inner)
                                    .map(vms -> DeploymentStatus.of(d, specs, state, vms))));
        }
    }

    /** Runs {@code verb} and waits for its result; interrupting the waiting thread cancels it. */
    public Either<ManifestFailure, ManifestResult> run(Verb verb, Manifest manifest, ManifestOptions options) {
        return start(verb, manifest, options).map(ManifestHandle::await);
    }

    /**
     * Starts {@code verb}: takes the deployment's lock (refused, naming the holder, when taken), reads the state,
     * checks the live VMs, plans, and runs the plan's scenario on a new thread.
     */
    public Either<ManifestFailure, ManifestHandle> start(Verb verb, Manifest manifest, ManifestOptions options) {
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(options, "options");
        Deployment d = deployment(manifest);
        Either<ManifestFailure, List<NodeSpec>> specs = NodeSpecs.of(manifest, site);
        if (specs.isLeft()) {
            return Either.left(specs.getLeft());
        }
        Either<ManifestFailure, StateLock> locked = store.lock(d, verb.word());
        if (locked.isLeft()) {
            return Either.left(locked.getLeft());
        }
        StateLock lock = locked.get();
        RunSettings settings = new RunSettings(
                manifest.settings().verifySsh(),
                manifest.settings().cleanupOnFailure(),
                options.onError().orElse(manifest.settings().onError()),
                options.parallel());
        InnerPves inner = new InnerPves(manifest.name());
        Either<ManifestFailure, ManifestHandle> started = lock.load()
                .flatMap(state -> live(d, specs.get(), true, settings.verifySsh(), inner)
                        .map(vms -> verb == Verb.DESTROY
                                ? Plan.destroying(d, specs.get(), state, vms)
                                : Plan.of(d, specs.get(), state, vms, settings.verifySsh())))
                .map(plan -> launch(verb, plan, settings, lock, options, inner));
        if (started.isLeft()) {
            inner.close();
            lock.close();
        }
        return started;
    }

    private ManifestHandle launch(
            Verb verb, Plan plan, RunSettings settings, StateLock lock, ManifestOptions options, InnerPves inner) {
        Journal journal = new Journal(lock, clock);
        Scenario scenario = ManifestScenario.of(verb, plan, settings, Optional.of(journal), inner);
        RunOptions.Builder o = RunOptions.builder();
        options.timeout().ifPresent(o::timeout);
        RunHandle handle =
                runner.start(scenario, o.build()).getOrElseThrow(f -> new IllegalStateException(f.message()));
        CompletableFuture<ManifestResult> result = handle.report().handle((report, bug) -> {
            try {
                if (bug != null) {
                    throw new IllegalStateException(bug);
                }
                if (verb != Verb.APPLY) {
                    journal.clearIfEmpty();
                }
                return ManifestResult.of(verb, plan, report, settings.onError());
            } finally {
                inner.close();
                lock.close();
            }
        });
        return new ManifestHandle(handle, result);
    }

    /**
     * The deployment's live VMs at every level: tagged VMs on the target host, then, parents first, those inside each
     * running {@code pve} node, which is prepared ({@link InnerPves#connect}) to look. A {@code pve} node that cannot
     * be reached counts as holding nothing (its children are planned as missing, destroyed as gone with it).
     */
    private Either<ManifestFailure, Map<String, LiveVm>> live(
            Deployment d, List<NodeSpec> specs, boolean probe, boolean ssh, InnerPves inner) {
        return LiveNodes.inspect(context, d.tag(), probe, ssh)
                .mapLeft(f -> (ManifestFailure) new ManifestFailure.Live(host.name(), f))
                .map(outer -> {
                    Map<String, LiveVm> all = new java.util.LinkedHashMap<>(outer);
                    NodeTree tree = NodeTree.of(specs);
                    for (NodeSpec spec : specs) {
                        LiveVm vm = all.get(spec.name());
                        if (!tree.isPve(spec.name())
                                || vm == null
                                || !vm.running()
                                || vm.ip().isEmpty()) {
                            continue;
                        }
                        Optional<String> parent = tree.pveParent(spec.name());
                        Optional<InnerPve> parentPve = parent.flatMap(inner::get);
                        if (parent.isPresent() && parentPve.isEmpty()) {
                            continue;
                        }
                        ActionContext at = parentPve.map(p -> p.inside(context)).orElse(context);
                        inner.connect(at, spec.name(), vm.ip().get(), parentPve)
                                .flatMap(pve -> LiveNodes.inspect(pve.inside(context), d.tag(), probe, ssh))
                                .peek(found -> found.forEach(all::putIfAbsent))
                                .peekLeft(f ->
                                        log.info("{}: cannot look inside: {}", tree.path(spec.name()), f.message()));
                    }
                    return all;
                });
    }

    /**
     * Builds a {@link ManifestRunner}; the only mutable type here. The settings it shares with
     * {@link ScenarioRunner.Builder} (ports, host config, site, reports, listeners, secrets, clock, cancel grace) are
     * {@link RunnerBuilder}'s; {@link #hostConfig} and {@link #site} are required.
     */
    public static final class Builder extends RunnerBuilder<Builder> {
        private StateStore store = StateStore.userDefault(System.getenv(), Path.of(System.getProperty("user.home")));

        private Builder() {}

        /** Where deployments keep state and locks (default: {@link StateStore#userDefault}). */
        public Builder stateStore(StateStore value) {
            store = Objects.requireNonNull(value, "stateStore");
            return this;
        }

        /** The runner. */
        public ManifestRunner build() {
            if (configuredHost().isEmpty() || configuredSite().isEmpty()) {
                throw new IllegalStateException("ManifestRunner needs hostConfig(...) and site(...)");
            }
            return new ManifestRunner(
                    scenarioRunner().build(),
                    configuredHost().get(),
                    configuredSite().get(),
                    store,
                    configuredClock());
        }
    }
}
