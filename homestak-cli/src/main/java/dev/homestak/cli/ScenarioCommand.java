package dev.homestak.cli;

import dev.homestak.actions.ProxmoxClients;
import dev.homestak.core.Facts;
import dev.homestak.core.Failure;
import dev.homestak.scenarios.RunFailure;
import dev.homestak.scenarios.RunOptions;
import dev.homestak.scenarios.Scenario;
import io.vavr.control.Either;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;

/**
 * Everything {@code homestak --scenario X} does before the run itself: find the scenario, check the
 * phases to skip, resolve the host (starting the simulator for {@code sim}), check the env, run the
 * pre-flight checks, ask for confirmation, and then preview ({@code --dry-run}) or run ({@link RunSession}).
 * Every problem found here is one line on stderr and exit code 2; nothing has been touched.
 */
final class ScenarioCommand {

    private final CliEnvironment env;
    private final CommandLine commandLine;
    private final RunFlags flags;
    private final SiteConfigOption siteConfig;

    ScenarioCommand(CliEnvironment env, CommandLine commandLine, RunFlags flags, SiteConfigOption siteConfig) {
        this.env = env;
        this.commandLine = commandLine;
        this.flags = flags;
        this.siteConfig = siteConfig;
    }

    /** Runs the command; returns the exit code. */
    int call() {
        Either<Failure, Optional<Scenario>> scenario = scenario();
        if (scenario.isLeft()) {
            return fail(scenario.getLeft());
        }
        boolean needsHost =
                scenario.get().map(s -> s.attributes().requiresHostConfig()).orElse(true);
        Either<Failure, RunTarget> target = new Targets(env, siteConfig)
                .resolve(flags.hostName(), flags, flags.scenarioName().orElse(""), needsHost);
        if (target.isLeft()) {
            return fail(target.getLeft());
        }
        try (RunTarget t = target.get()) {
            t.sim().ifPresent(sim -> sim.notes().forEach(human()::println));
            return withTarget(t, scenario.get());
        }
    }

    private int withTarget(RunTarget target, Optional<Scenario> scenario) {
        try (ProxmoxClients clients = RunSession.clients(target)) {
            return withClients(target, scenario, clients);
        }
    }

    /** With the Proxmox clients that the pre-flight check and then the run use. */
    private int withClients(RunTarget target, Optional<Scenario> scenario, ProxmoxClients clients) {
        Either<Failure, Facts> facts = facts(target);
        if (facts.isLeft()) {
            return fail(facts.getLeft());
        }
        RunSession session = new RunSession(env, commandLine.getOut(), commandLine.getErr(), flags);
        Optional<Failure> notReady = scenario.flatMap(s ->
                session.check(s, options(facts.get()), target, clients).swap().toJavaOptional());
        if (flags.preflight) {
            return printPreflight(target, scenario, clients, notReady);
        }
        if (notReady.isPresent()) {
            return fail(notReady.get());
        }
        Scenario s = scenario.orElseThrow();
        if (!flags.dryRun && !flags.skipPreflight) {
            List<Check> failed = preflight(target, scenario, clients).stream()
                    .filter(c -> !c.ok())
                    .toList();
            if (!failed.isEmpty()) {
                PrintWriter err = commandLine.getErr();
                err.println("Pre-flight validation failed:");
                failed.forEach(c -> err.println("  " + c.line()));
                err.println("Use --skip-preflight to bypass these checks");
                err.flush();
                return ExitCode.USAGE;
            }
        }
        Optional<Integer> refused =
                new Confirmation(env.terminal(), human(), commandLine.getErr()).refuse(s, target.name(), flags);
        if (refused.isPresent()) {
            return refused.get();
        }
        RunOptions options = options(facts.get());
        if (flags.dryRun) {
            return RunSession.preview(target, s, options, clients).fold(this::fail, text -> {
                human().println(text);
                human().flush();
                return ExitCode.OK;
            });
        }
        return session.run(s, options, target, clients);
    }

    /** The scenario of {@code --scenario}, with {@code --skip} checked against its phases. */
    private Either<Failure, Optional<Scenario>> scenario() {
        if (flags.scenario == null) {
            return Either.right(Optional.empty());
        }
        return Registry.load().find(flags.scenario).<Failure>mapLeft(f -> f).flatMap(s -> {
            List<String> valid = s.phaseNames();
            return flags.skip.stream()
                    .filter(p -> !valid.contains(p))
                    .findFirst()
                    .<Either<Failure, Optional<Scenario>>>map(
                            p -> Either.left(new RunFailure.UnknownPhase(s.name(), p, valid)))
                    .orElseGet(() -> Either.right(Optional.of(s)));
        });
    }

    /** The facts the flags give ({@code --env} is checked against the site's envs). */
    private Either<Failure, Facts> facts(RunTarget target) {
        Facts facts = Facts.empty();
        if (flags.env != null) {
            if (target.site().isEmpty()) {
                return Either.left(new CliFailure("--env " + flags.env
                        + " needs a site-config: set HOMESTAK_SITE_CONFIG, " + "use --site-config, or use --host sim"));
            }
            Either<? extends Failure, ?> known = target.site().get().env(flags.env);
            if (known.isLeft()) {
                return Either.left(known.getLeft());
            }
        }
        facts = with(facts, Facts.INNER_IP, flags.innerIp);
        facts = with(facts, Facts.VM_IP, flags.vmIp);
        facts = with(facts, Facts.REMOTE_IP, flags.remote);
        facts = with(facts, Facts.HOMESTAK_USER, flags.homestakUser);
        return Either.right(flags.local ? facts.with(Facts.LOCAL_MODE, true) : facts);
    }

    private static Facts with(
            Facts facts, dev.homestak.core.Key<String> key, @org.jspecify.annotations.Nullable String value) {
        return value == null ? facts : facts.with(key, value);
    }

    private RunOptions options(Facts facts) {
        RunOptions.Builder b = RunOptions.builder()
                .skip(flags.skip.toArray(String[]::new))
                .dryRun(flags.dryRun)
                .initialFacts(facts);
        Optional.ofNullable(flags.timeout).ifPresent(b::timeout);
        Optional.ofNullable(flags.cleanup).ifPresent(b::cleanup);
        Optional.ofNullable(flags.contextFile).map(env.workingDir()::resolve).ifPresent(b::contextFile);
        flags.vmIds.forEach(v -> b.vmId(v.name(), v.vmid()));
        Optional.ofNullable(flags.env).ifPresent(b::env);
        return b.build();
    }

    private List<Check> preflight(RunTarget target, Optional<Scenario> scenario, ProxmoxClients clients) {
        return new Preflight(new Tools(env.variables()), clients).run(target, scenario, Set.copyOf(flags.skip));
    }

    /** {@code --preflight}: every check under its section; exit 0 when all pass, else 2. */
    private int printPreflight(
            RunTarget target, Optional<Scenario> scenario, ProxmoxClients clients, Optional<Failure> notReady) {
        List<Check> checks = new java.util.ArrayList<>(preflight(target, scenario, clients));
        scenario.ifPresent(s -> checks.add(notReady.map(f -> Check.fail("Site-config", TerminalText.clean(f.message())))
                .orElseGet(() -> Check.pass(
                        "Site-config", "everything the phases need resolves (envs, templates, presets, images)"))));
        PrintWriter out = human();
        out.println("Pre-flight checks for "
                + scenario.map(Scenario::name)
                        .map(n -> "scenario " + n + " on ")
                        .orElse("") + "host " + target.name() + ":");
        String section = "";
        for (Check c : checks) {
            if (!c.section().equals(section)) {
                section = c.section();
                out.println(section);
            }
            out.println("  " + c.line());
        }
        boolean ok = checks.stream().allMatch(Check::ok);
        out.println(
                ok
                        ? "All checks passed. Ready for scenarios."
                        : "Some checks failed. Fix issues before running scenarios.");
        out.flush();
        return ok ? ExitCode.OK : ExitCode.USAGE;
    }

    /** Where human text goes: stdout, or stderr when stdout carries JSON. */
    private PrintWriter human() {
        return flags.jsonOutput ? commandLine.getErr() : commandLine.getOut();
    }

    private int fail(Failure failure) {
        commandLine.getErr().println("homestak: " + TerminalText.clean(failure.message()));
        commandLine.getErr().flush();
        return ExitCode.USAGE;
    }
}
