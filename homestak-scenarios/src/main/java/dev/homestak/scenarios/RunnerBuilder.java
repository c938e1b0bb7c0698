package dev.homestak.scenarios;

import dev.homestak.actions.Ports;
import dev.homestak.core.HostConfig;
import dev.homestak.core.Secret;
import dev.homestak.core.SiteConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What every runner is built from, written once: {@link ScenarioRunner.Builder} and the manifest engine's builder
 * extend it (the {@code SELF} type keeps the chained calls typed, as Testcontainers' containers do).
 *
 * @param <SELF> the concrete builder
 */
public abstract class RunnerBuilder<SELF extends RunnerBuilder<SELF>> {
    Ports ports = Ports.defaults();
    Optional<HostConfig> hostConfig = Optional.empty();
    Optional<SiteConfig> site = Optional.empty();
    Optional<Path> reportDir = Optional.of(Path.of("reports"));
    final List<RunListener> listeners = new ArrayList<>();
    final List<Secret> secrets = new ArrayList<>();
    Clock clock = Clock.systemDefaultZone();
    Duration cancelGrace = Duration.ofSeconds(30);

    /** For runner builders: {@link ScenarioRunner.Builder} and runners built on scenario runs (manifests). */
    protected RunnerBuilder() {}

    /** This builder, typed. */
    @SuppressWarnings("unchecked")
    final SELF self() {
        return (SELF) this;
    }

    /**
     * The outside world actions reach (Proxmox clients, SSH, processes, clock, sleeper, playbook stand-ins):
     * give only what you replace; the runner creates (and on close releases) the rest. Facts, cancellation, events
     * and the run's {@link dev.homestak.actions.RunControl} are the runner's, per phase.
     */
    public SELF ports(Ports value) {
        ports = Objects.requireNonNull(value, "ports");
        return self();
    }

    /**
     * The host config runs target ({@code --host}, {@code -H}): given to the actions (API endpoint, token, TLS,
     * provisioner, site defaults, the VMs' SSH port), its name shown in the reports, and its secrets (API token,
     * root password) masked in every event, report and context file.
     */
    public SELF hostConfig(HostConfig value) {
        hostConfig = Optional.of(Objects.requireNonNull(value, "hostConfig"));
        return self();
    }

    /**
     * The site-config runs work against (envs, presets, specs, manifests), loaded once: give the one
     * {@link #hostConfig} came from.
     */
    public SELF site(SiteConfig value) {
        site = Optional.of(Objects.requireNonNull(value, "site"));
        return self();
    }

    /** Where reports are written (default {@code reports/}). */
    public SELF reportDir(Path value) {
        reportDir = Optional.of(Objects.requireNonNull(value, "reportDir"));
        return self();
    }

    /** Writes no report files (the report is still returned). */
    public SELF noReports() {
        reportDir = Optional.empty();
        return self();
    }

    /** Adds a listener for the events of every run. */
    public SELF listener(RunListener value) {
        listeners.add(Objects.requireNonNull(value, "listener"));
        return self();
    }

    /** Secret values to mask in every event, report and context file (the site's tokens and passwords). */
    public SELF redact(Collection<Secret> values) {
        secrets.addAll(values);
        return self();
    }

    /** The clock for timestamps, state and run ids; its zone is the reports' local time (default: system). */
    public SELF clock(Clock value) {
        clock = Objects.requireNonNull(value, "clock");
        return self();
    }

    /** How long a cancelled action may take to stop before it is abandoned (default 30 s). */
    public SELF cancelGrace(Duration value) {
        cancelGrace = Objects.requireNonNull(value, "cancelGrace");
        return self();
    }

    /** The host config given, if any. */
    protected final Optional<HostConfig> configuredHost() {
        return hostConfig;
    }

    /** The clock given (default: system). */
    protected final Clock configuredClock() {
        return clock;
    }

    /** The site-config given, if any. */
    protected final Optional<SiteConfig> configuredSite() {
        return site;
    }

    /** A {@link ScenarioRunner} builder holding everything given here (a runner built on top of scenario runs). */
    protected final ScenarioRunner.Builder scenarioRunner() {
        ScenarioRunner.Builder b = ScenarioRunner.builder()
                .ports(ports)
                .redact(secrets)
                .clock(clock)
                .cancelGrace(cancelGrace);
        hostConfig.ifPresent(b::hostConfig);
        site.ifPresent(b::site);
        reportDir.ifPresentOrElse(b::reportDir, b::noReports);
        listeners.forEach(b::listener);
        return b;
    }
}
