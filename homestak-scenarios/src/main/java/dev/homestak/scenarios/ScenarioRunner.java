package dev.homestak.scenarios;

import dev.homestak.actions.ActionContext;
import dev.homestak.actions.Ports;
import dev.homestak.actions.ProxmoxClients;
import dev.homestak.actions.RunControl;
import dev.homestak.actions.SshClient;
import dev.homestak.actions.SshSettings;
import dev.homestak.core.Secret;
import dev.homestak.scenarios.internal.ContextFiles;
import dev.homestak.scenarios.internal.Redactor;
import dev.homestak.scenarios.internal.ReportFiles;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs scenarios: the embedding API of homestak. Configure once with {@link #builder()} (host, {@link Ports},
 * report directory, listeners, secrets to redact), then {@link #run} or {@link #start} any number of
 * scenarios, from any number of threads; the runner itself holds no per-run state. The runner owns the adapters it
 * creates for the ports not given (Proxmox clients, SSH client) and releases them on {@link #close()}; ports given
 * in {@link Builder#ports} stay the caller's.
 *
 * <p>A run never throws for a failed phase: every outcome (passed, failed, interrupted, cleanup failed) is a
 * {@link RunReport}. Only options that do not fit the scenario are refused up front, as a {@link RunFailure}.
 */
public final class ScenarioRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScenarioRunner.class);
    private static final DateTimeFormatter RUN_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RunnerSettings settings;
    private final Optional<ProxmoxClients> ownClients;

    private ScenarioRunner(RunnerSettings settings, Optional<ProxmoxClients> ownClients) {
        this.settings = settings;
        this.ownClients = ownClients;
    }

    /**
     * A context with this runner's ports and host, for an action run outside a scenario (e.g.
     * {@link Leftovers#discover}); no facts, no run.
     */
    public ActionContext actionContext() {
        return settings.base();
    }

    /** Releases the adapters the runner created (its Proxmox clients); ports given to the builder are left open. */
    @Override
    public void close() {
        ownClients.ifPresent(ProxmoxClients::close);
    }

    /** A builder with the defaults: real adapters, host {@code local}, reports in {@code reports/}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Runs the scenario and waits for its report; interrupting the waiting thread cancels the run. */
    public Either<RunFailure, RunReport> run(Scenario scenario, RunOptions options) {
        return start(scenario, options).map(RunHandle::await);
    }

    /** Starts the scenario on a new thread; the handle cancels it and gives its report. */
    public Either<RunFailure, RunHandle> start(Scenario scenario, RunOptions options) {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(options, "options");
        return validate(scenario, options)
                .flatMap(ok -> startOf(options))
                .flatMap(start -> RunChecks.phases(scenario, options, checking(start, options))
                        .map(ok -> start))
                .flatMap(start -> options.dryRun()
                        ? Either.right(start)
                        : RunChecks.files(settings.reportDir(), options).map(ok -> start))
                .flatMap(start -> launch(scenario, options, start));
    }

    /**
     * Checks, without running anything, that everything the run will need is there: the options fit the scenario,
     * the context file reads, each phase's {@link Prechecked} action finds what it needs in the site-config, every
     * {@code --vm-id} name is a VM of the run, and the report directory and context file can be written.
     */
    public Either<RunFailure, Boolean> check(Scenario scenario, RunOptions options) {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(options, "options");
        return validate(scenario, options)
                .flatMap(ok -> startOf(options))
                .flatMap(start -> RunChecks.phases(scenario, options, checking(start, options)))
                .flatMap(ok -> options.dryRun() ? Either.right(true) : RunChecks.files(settings.reportDir(), options));
    }

    /**
     * What a dry run would show, as text: each phase with its action and key parameters, which are skipped,
     * the cleanup policy and the timeout. Pure: nothing is run or written.
     */
    public Either<RunFailure, String> preview(Scenario scenario, RunOptions options) {
        return validate(scenario, options)
                .flatMap(ok -> startOf(options))
                .flatMap(start -> RunChecks.phases(scenario, options, checking(start, options)))
                .map(ok -> DryRunPreview.render(scenario, options, settings.host()));
    }

    /** The context the pre-run checks see: the start facts and overrides, no run id yet. */
    private ActionContext checking(ContextFiles.Content start, RunOptions options) {
        return settings.base().toBuilder()
                .facts(start.facts())
                .run(RunControl.none().withVmIdOverrides(start.vmIdOverrides()).withEnv(options.env()))
                .build();
    }

    private Either<RunFailure, RunHandle> launch(Scenario scenario, RunOptions options, ContextFiles.Content start) {
        String runId = newRunId();
        Optional<RunLocks.Held> lock = Optional.empty();
        if (settings.runLocks().isPresent() && !options.dryRun()) {
            Either<String, RunLocks.Held> held = settings.runLocks().get().hold(runId);
            if (held.isLeft()) {
                return Either.left(new RunFailure.RunLock(held.getLeft()));
            }
            lock = Optional.of(held.get());
        }
        return Either.right(launch(scenario, options, start, runId, lock));
    }

    private RunHandle launch(
            Scenario scenario,
            RunOptions options,
            ContextFiles.Content start,
            String runId,
            Optional<RunLocks.Held> lock) {
        RunExecution execution = new RunExecution(
                scenario,
                options,
                settings,
                RunControl.of(runId, start.vmIdOverrides()).withEnv(options.env()),
                start.facts());
        CompletableFuture<RunReport> report = new CompletableFuture<>();
        Thread.ofPlatform().name("homestak-run-" + runId).start(() -> {
            RunReport done;
            try {
                done = finish(execution.execute(), options, start.vmIdOverrides());
                execution.announce(done);
            } catch (RuntimeException | Error bug) {
                log.error("run {} of {} failed with a bug", runId, scenario.name(), bug);
                lock.ifPresent(RunLocks.Held::close);
                report.completeExceptionally(bug);
                return;
            }
            // released before the report is handed over: a waiting CLI may exit the JVM at once
            lock.ifPresent(RunLocks.Held::close);
            report.complete(done);
        });
        return new RunHandle(execution, report);
    }

    /** Writes the context file and the reports (not for a dry run) and adds what was written. */
    private RunReport finish(RunReport report, RunOptions options, Map<String, Integer> overrides) {
        if (options.dryRun()) {
            return report;
        }
        List<Path> files = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        options.contextFile()
                .ifPresent(file -> ContextFiles.write(
                                file,
                                ContextFiles.context(report.facts(), report.runId(), overrides),
                                settings.redactor())
                        .peek(files::add)
                        .peekLeft(problem -> warnings.add(problem
                                + factsSavedElsewhere(report, overrides)
                                        .map(saved -> {
                                            files.add(saved);
                                            return "; the facts were written to " + saved + " instead";
                                        })
                                        .orElse("; the facts could not be saved anywhere: see the report's facts"))));
        settings.reportDir()
                .ifPresent(dir -> ReportFiles.write(
                                report,
                                dir,
                                settings.clock().getZone(),
                                settings.clock().instant())
                        .peek(files::addAll)
                        .peekLeft(warnings::add));
        warnings.forEach(w -> log.warn("{}", w));
        return report.withFiles(files, warnings);
    }

    /**
     * No fact is lost: when the context file cannot be written at the end (disk full, its directory removed), the
     * facts go to {@code <report dir>/<run stamp>.context.json} ({@code <run id>.context.json} if that is taken).
     */
    private Optional<Path> factsSavedElsewhere(RunReport report, Map<String, Integer> overrides) {
        String stamp = RUN_STAMP.format(
                LocalDateTime.ofInstant(report.startedAt(), settings.clock().getZone()));
        return settings.reportDir().flatMap(dir -> {
            try {
                java.nio.file.Files.createDirectories(dir);
            } catch (java.io.IOException e) {
                return Optional.empty();
            }
            Path file = dir.resolve(stamp + ".context.json");
            // two runs started in the same second: the run id keeps them apart
            Path free = java.nio.file.Files.exists(file) ? dir.resolve(report.runId() + ".context.json") : file;
            return ContextFiles.write(
                            free, ContextFiles.context(report.facts(), report.runId(), overrides), settings.redactor())
                    .toJavaOptional();
        });
    }

    private static Either<RunFailure, Boolean> validate(Scenario scenario, RunOptions options) {
        List<String> valid = scenario.phaseNames();
        for (String skip : options.skip().stream().sorted().toList()) {
            if (!valid.contains(skip)) {
                return Either.left(new RunFailure.UnknownPhase(scenario.name(), skip, valid));
            }
        }
        return Either.right(true);
    }

    /**
     * Context file first, then the initial facts (explicit options win); the file's {@code vm_id_overrides}, then
     * the options' ({@code --vm-id} wins).
     */
    private static Either<RunFailure, ContextFiles.Content> startOf(RunOptions options) {
        Either<RunFailure, ContextFiles.Content> fromFile = options.contextFile()
                .map(file -> ContextFiles.read(file).<RunFailure>mapLeft(p -> new RunFailure.ContextFile(file, p)))
                .orElse(Either.right(ContextFiles.Content.EMPTY));
        return fromFile.map(file -> {
            Map<String, Integer> overrides = new java.util.LinkedHashMap<>(file.vmIdOverrides());
            overrides.putAll(options.vmIdOverrides());
            return new ContextFiles.Content(file.facts().merge(options.initialFacts()), overrides);
        });
    }

    private String newRunId() {
        byte[] random = new byte[3];
        RANDOM.nextBytes(random);
        return RUN_STAMP.format(LocalDateTime.now(settings.clock())) + "-"
                + HexFormat.of().formatHex(random);
    }

    /** Builds a {@link ScenarioRunner}; the only mutable type here. The shared settings are {@link RunnerBuilder}'s. */
    public static final class Builder extends RunnerBuilder<Builder> {
        private Optional<String> host = Optional.empty();
        private Optional<RunLocks> runLocks = Optional.empty();

        private Builder() {}

        /** The name reports show for the host (default: the {@link #hostConfig}'s name, or {@code local}). */
        public Builder host(String value) {
            host = Optional.of(Objects.requireNonNull(value, "host"));
            return this;
        }

        /**
         * Each run holds its lock in {@code value} while it runs, so that {@link Leftovers} users ({@code homestak
         * cleanup}) can tell it from a run whose process died (default: no locks).
         */
        public Builder runLocks(RunLocks value) {
            runLocks = Optional.of(Objects.requireNonNull(value, "runLocks"));
            return this;
        }

        /** The runner. */
        public ScenarioRunner build() {
            Optional<ProxmoxClients> own =
                    ports.proxmox().isPresent() ? Optional.empty() : Optional.of(ProxmoxClients.create());
            SshClient ssh = ports.ssh()
                    .orElseGet(() -> SshClient.create(hostConfig
                            .map(h -> SshSettings.builder()
                                    .defaultPort(h.vmSshPort())
                                    .build())
                            .orElse(SshSettings.defaults())));
            ActionContext.Builder context = ports.context(own.orElse(null), ssh);
            hostConfig.ifPresent(context::host);
            site.ifPresent(context::site);
            List<Secret> masked = new ArrayList<>(secrets);
            hostConfig.ifPresent(h -> {
                h.apiToken().ifPresent(masked::add);
                h.rootPassword().ifPresent(masked::add);
            });
            return new ScenarioRunner(
                    new RunnerSettings(
                            context.build(),
                            host.orElseGet(() -> hostConfig.map(h -> h.name()).orElse("local")),
                            reportDir,
                            listeners,
                            Redactor.of(masked),
                            clock,
                            cancelGrace,
                            runLocks),
                    own);
        }
    }
}
