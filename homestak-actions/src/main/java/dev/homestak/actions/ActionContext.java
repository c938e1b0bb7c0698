package dev.homestak.actions;

import dev.homestak.actions.internal.Texts;
import dev.homestak.core.Facts;
import dev.homestak.core.HostConfig;
import dev.homestak.core.Key;
import dev.homestak.core.SiteConfig;
import dev.homestak.core.Sleeper;
import dev.homestak.proxmox.RetryNotice;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an action runs against: the host config, the facts gathered so far and the ports it may use
 * (Proxmox clients, processes, SSH, clock and sleeper, cancellation, events, playbook stand-ins).
 * Immutable; {@code with...} methods return changed copies.
 *
 * <p>Built with {@link #builder()}; unset ports default to the real adapters.
 */
public final class ActionContext {

    private final Facts facts;
    private final Optional<HostConfig> host;
    private final Optional<SiteConfig> site;
    private final ProxmoxClients proxmox;
    private final Map<String, PlaybookStandIn> standIns;
    private final ProcessRunner processes;
    private final SshClient ssh;
    private final SshRoute sshRoute;
    private final Clock clock;
    private final Sleeper sleeper;
    private final CancellationToken cancellation;
    private final EventSink events;
    private final String scope;
    private final RunControl run;

    private ActionContext(Builder b) {
        this.facts = b.facts;
        this.host = b.host;
        this.site = b.site;
        this.proxmox = b.proxmox != null ? b.proxmox : ProxmoxClients.create();
        this.standIns = Map.copyOf(b.standIns);
        this.processes = b.processes != null ? b.processes : ProcessRunner.system();
        this.ssh = b.ssh != null ? b.ssh : SshClient.create(SshSettings.defaults());
        this.sshRoute = b.sshRoute;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.cancellation = b.cancellation != null ? b.cancellation : CancellationToken.create();
        this.events = b.events;
        this.scope = b.scope;
        this.run = b.run;
    }

    /** A builder with empty facts and the real adapters. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this context's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.facts = facts;
        b.host = host;
        b.site = site;
        b.proxmox = proxmox;
        b.standIns.putAll(standIns);
        b.processes = processes;
        b.ssh = ssh;
        b.sshRoute = sshRoute;
        b.clock = clock;
        b.sleeper = sleeper;
        b.cancellation = cancellation;
        b.events = events;
        b.scope = scope;
        b.run = run;
        return b;
    }

    /** The facts gathered so far. */
    public Facts facts() {
        return facts;
    }

    /** The run this action is part of: its id, the {@code --vm-id} overrides, whether it cleans up after a failure. */
    public RunControl run() {
        return run;
    }

    /** The config of the host the run targets ({@code --host}), when there is one. */
    public Optional<HostConfig> host() {
        return host;
    }

    /** The site-config the run works against (envs, presets, manifests), when the runner was given one. */
    public Optional<SiteConfig> site() {
        return site;
    }

    /**
     * A value looked up the way the original does ({@code context.get(attr) or getattr(config, attr)}):
     * the facts first, then the host config ({@link HostAttributes}: {@code ssh_host}, {@code node},
     * {@code datastore}, ..., then the site defaults). A value of the wrong type (e.g. from a
     * hand-written context file) counts as absent.
     */
    public <T> Optional<T> lookup(Key<T> key) {
        try {
            Optional<T> fact = facts.get(key);
            if (fact.isPresent()) {
                return fact;
            }
        } catch (IllegalStateException e) {
            // a wrong-typed fact does not hide the host config's value
        }
        return host.flatMap(h -> HostAttributes.lookup(h, key));
    }

    /** The value of {@code key}, or the original's failure {@code No <key> in context}. */
    public <T> Either<ActionFailure, T> require(Key<T> key) {
        return lookup(key)
                .<Either<ActionFailure, T>>map(Either::right)
                .orElseGet(() -> Either.left(new ActionFailure.Precondition("No " + key.name() + " in context")));
    }

    /**
     * The fact {@code key} of {@code facts} only (no host-config fallback), or {@code No <key> in context}; a value of
     * the wrong shape is a precondition failure naming the key and what is wrong (structured facts a user may have
     * hand-edited in a context file).
     */
    static <T> Either<ActionFailure, T> requireFact(Facts facts, Key<T> key) {
        try {
            return facts.get(key)
                    .<Either<ActionFailure, T>>map(Either::right)
                    .orElseGet(() -> Either.left(new ActionFailure.Precondition("No " + key.name() + " in context")));
        } catch (IllegalStateException e) {
            return Either.left(new ActionFailure.Precondition(e.getMessage()));
        }
    }

    /** The host config, or the failure an action that needs one reports. */
    public Either<ActionFailure, HostConfig> requireHost() {
        return host.<Either<ActionFailure, HostConfig>>map(Either::right)
                .orElseGet(() -> Either.left(new ActionFailure.Precondition(
                        "No host config: run with --host <node> (a nodes/<node>.yaml of the site-config)")));
    }

    /** The Proxmox client factory of this run. */
    public ProxmoxClients proxmox() {
        return proxmox;
    }

    /** The stand-in registered for {@code playbook} (e.g. {@code playbooks/pve-install.yml}), if any. */
    public Optional<PlaybookStandIn> standIn(String playbook) {
        return Optional.ofNullable(standIns.get(playbook));
    }

    /** The process runner. */
    public ProcessRunner processes() {
        return processes;
    }

    /** The SSH client of this run. */
    public SshClient ssh() {
        return ssh;
    }

    /** The clock deadlines are measured with. */
    public Clock clock() {
        return clock;
    }

    /** The sleeper used between polls and retries. */
    public Sleeper sleeper() {
        return sleeper;
    }

    /**
     * Waits {@code duration} with this context's sleeper, between polls or retries; returns false as soon as the
     * run is cancelled (then the action should return {@link ActionFailure.Cancelled}).
     */
    public boolean pause(Duration duration) {
        if (cancellation.isCancelled()) {
            return false;
        }
        boolean slept = Interrupts.onCancel(cancellation, () -> {
            try {
                sleeper.sleep(duration.isNegative() ? Duration.ZERO : duration);
                return true;
            } catch (InterruptedException e) {
                if (!cancellation.isCancelled()) {
                    Thread.currentThread().interrupt(); // not ours: keep it for the caller
                }
                return false;
            }
        });
        return slept && !cancellation.isCancelled();
    }

    /** The token that stops this action's work. */
    public CancellationToken cancellation() {
        return cancellation;
    }

    /** The name path set by {@link Action#named(String)} ("" at top level). */
    public String scope() {
        return scope;
    }

    /** Reports a progress line. */
    public void progress(String text) {
        events.accept(new ActionEvent.Progress(scope, Texts.stripAnsi(text)));
    }

    /** Reports that the Proxmox client is retrying a call. */
    public void retry(RetryNotice notice) {
        events.accept(new ActionEvent.Retry(scope, notice));
    }

    /** Reports a line of tool output. */
    public void output(StreamKind stream, String line) {
        events.accept(new ActionEvent.Output(scope, stream, Texts.stripAnsi(line)));
    }

    /** A listener that reports every line of a command as an output event. */
    public OutputListener outputEvents() {
        return this::output;
    }

    /** Runs a command with this context's cancellation, reporting its lines as output events. */
    public Either<ActionFailure, ProcessResult> run(ProcessCommand command) {
        return processes.run(command, cancellation, outputEvents());
    }

    /** The jump hosts to {@code target} by this context's {@link SshRoute}, first to last (empty: directly). */
    public List<SshEndpoint> sshJumpsTo(SshEndpoint target) {
        return sshRoute.jumpsTo(target.host(), host.map(HostConfig::sshHost).orElse(""));
    }

    /**
     * Runs a command over SSH with this context's cancellation; a request without jump hosts of its own goes along
     * this context's {@link SshRoute}.
     */
    public Either<ActionFailure, SshResult> ssh(SshRequest request) {
        SshRequest routed = request.jumps().isEmpty() ? request.via(sshJumpsTo(request.target())) : request;
        return ssh.exec(routed, cancellation);
    }

    /** A copy with other facts. */
    public ActionContext withFacts(Facts newFacts) {
        return toBuilder().facts(newFacts).build();
    }

    /** A copy whose work is stopped by {@code token}. */
    public ActionContext withCancellation(CancellationToken token) {
        return toBuilder().cancellation(token).build();
    }

    /** A copy whose events are reported under {@code name} (nested names joined with "/"). */
    public ActionContext withScope(String name) {
        return toBuilder().scope(scope.isEmpty() ? name : scope + "/" + name).build();
    }

    @Override
    public String toString() {
        return "ActionContext[scope=" + scope + ", facts=" + facts + ", " + cancellation + "]";
    }

    /** Builds an {@link ActionContext}; the only mutable type here. */
    public static final class Builder {
        private Facts facts = Facts.empty();
        private Optional<HostConfig> host = Optional.empty();
        private Optional<SiteConfig> site = Optional.empty();
        private @org.jspecify.annotations.Nullable ProxmoxClients proxmox;
        private final Map<String, PlaybookStandIn> standIns = new LinkedHashMap<>();
        private @org.jspecify.annotations.Nullable ProcessRunner processes;
        private @org.jspecify.annotations.Nullable SshClient ssh;
        private SshRoute sshRoute = SshRoute.DIRECT;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private @org.jspecify.annotations.Nullable CancellationToken cancellation;
        private EventSink events = EventSink.NONE;
        private String scope = "";
        private RunControl run = RunControl.none();

        private Builder() {}

        /** The run the actions are part of (default: {@link RunControl#none()}). */
        public Builder run(RunControl value) {
            this.run = Objects.requireNonNull(value, "run");
            return this;
        }

        /** The facts so far. */
        public Builder facts(Facts value) {
            this.facts = Objects.requireNonNull(value, "facts");
            return this;
        }

        /** The host config values are looked up in after the facts. */
        public Builder host(HostConfig value) {
            this.host = Optional.of(value);
            return this;
        }

        /** The site-config the run works against (the built-in scenarios resolve their envs in it). */
        public Builder site(SiteConfig value) {
            this.site = Optional.of(Objects.requireNonNull(value, "site"));
            return this;
        }

        /** The Proxmox client factory (default: {@link ProxmoxClients#create()}). */
        public Builder proxmox(ProxmoxClients value) {
            this.proxmox = Objects.requireNonNull(value, "proxmox");
            return this;
        }

        /**
         * Runs {@code standIn} instead of {@code ansible-playbook} for {@code playbook} (the path the
         * actions pass, e.g. {@code playbooks/pve-install.yml}): for a simulated host that models the
         * playbook's effect.
         */
        public Builder standIn(String playbook, PlaybookStandIn standIn) {
            standIns.put(Objects.requireNonNull(playbook, "playbook"), Objects.requireNonNull(standIn, "standIn"));
            return this;
        }

        /** The process runner (default: real processes). */
        public Builder processes(ProcessRunner value) {
            this.processes = Objects.requireNonNull(value, "processes");
            return this;
        }

        /** The SSH client (default: sshj with the user's default keys). */
        public Builder ssh(SshClient value) {
            this.ssh = Objects.requireNonNull(value, "ssh");
            return this;
        }

        /**
         * How the SSH actions of this context reach their hosts (default: {@link SshRoute#DIRECT}); for the host and
         * guests of a nested PVE, {@link SshRoute#inside} the chain from the controller to it.
         */
        public Builder sshRoute(SshRoute value) {
            this.sshRoute = Objects.requireNonNull(value, "sshRoute");
            return this;
        }

        /** The clock (default: system UTC). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** The sleeper (default: {@link Sleeper#system()}; {@link #pause} wakes it when the run is cancelled). */
        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /** The cancellation token (default: a fresh one). */
        public Builder cancellation(CancellationToken value) {
            this.cancellation = Objects.requireNonNull(value, "cancellation");
            return this;
        }

        /** Where events go (default: nowhere). Must be thread-safe. */
        public Builder events(EventSink value) {
            this.events = Objects.requireNonNull(value, "events");
            return this;
        }

        /** The scope name of events. */
        public Builder scope(String value) {
            this.scope = Objects.requireNonNull(value, "scope");
            return this;
        }

        /** The context. */
        public ActionContext build() {
            return new ActionContext(this);
        }
    }
}
