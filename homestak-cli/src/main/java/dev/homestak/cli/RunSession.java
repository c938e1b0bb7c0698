package dev.homestak.cli;

import dev.homestak.actions.ActionContext;
import dev.homestak.actions.Ports;
import dev.homestak.actions.ProxmoxClients;
import dev.homestak.actions.SshClient;
import dev.homestak.core.Failure;
import dev.homestak.scenarios.JsonLinesListener;
import dev.homestak.scenarios.RunFailure;
import dev.homestak.scenarios.RunHandle;
import dev.homestak.scenarios.RunListener;
import dev.homestak.scenarios.RunLocks;
import dev.homestak.scenarios.RunOptions;
import dev.homestak.scenarios.RunReport;
import dev.homestak.scenarios.Scenario;
import dev.homestak.scenarios.ScenarioRunner;
import io.vavr.control.Either;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * One scenario run from the command line: wires the runner (host, SSH, report directory, secrets to mask,
 * progress view, JSON Lines), handles Ctrl-C, prints the summary and the {@code --json-output} result, and
 * turns the outcome into the exit code.
 */
final class RunSession {

    private final CliEnvironment env;
    private final PrintWriter out;
    private final PrintWriter err;
    private final RunFlags flags;

    RunSession(CliEnvironment env, PrintWriter out, PrintWriter err, RunFlags flags) {
        this.env = env;
        this.out = out;
        this.err = err;
        this.flags = flags;
    }

    /** The dry-run text ({@code --dry-run}): nothing is run or written. */
    static Either<Failure, String> preview(
            RunTarget target, Scenario scenario, RunOptions options, ProxmoxClients clients) {
        ScenarioRunner runner =
                runner(target, clients).noReports().redact(target.secrets()).build();
        return runner.preview(scenario, options).mapLeft(f -> f);
    }

    /**
     * What the run will need, checked before anything is touched ({@link ScenarioRunner#check}): the site-config's
     * envs, templates, presets and images for each phase, the {@code --vm-id} names, the report directory and the
     * context file.
     */
    Either<Failure, Boolean> check(Scenario scenario, RunOptions options, RunTarget target, ProxmoxClients clients) {
        return runner(target, clients)
                .reportDir(reportDir())
                .build()
                .check(scenario, options)
                .mapLeft(f -> f);
    }

    /**
     * Runs the scenario with the target's {@code clients} (owned by the caller) and returns the exit code of its
     * outcome (2 when the options do not fit it).
     */
    int run(Scenario scenario, RunOptions options, RunTarget target, ProxmoxClients clients) {
        PrintWriter human = flags.jsonOutput ? err : out;
        boolean live =
                flags.jsonOutput ? env.terminal().stderrTty() : env.terminal().stdoutTty();
        return run(scenario, options, target, clients, human, live, width());
    }

    private int run(
            Scenario scenario,
            RunOptions options,
            RunTarget target,
            ProxmoxClients clients,
            PrintWriter human,
            boolean live,
            int width) {
        RunListener view = live
                ? new LiveView(human, env.terminal().color(), flags.verbose, width, Clock.systemDefaultZone())
                : new PlainLog(human, flags.verbose, Clock.systemDefaultZone());
        ScenarioRunner.Builder builder = runner(target, clients)
                .reportDir(reportDir())
                .redact(target.secrets())
                .runLocks(RunLocks.forUser(env.variables(), env.config().home()))
                .listener(view);
        if (flags.jsonOutput) {
            builder.listener(JsonLinesListener.to(out));
        }
        try {
            Either<RunFailure, RunHandle> started = builder.build().start(scenario, options);
            if (started.isLeft()) {
                closeView(view);
                err.println("homestak: " + TerminalText.clean(started.getLeft().message()));
                err.flush();
                return ExitCode.USAGE;
            }
            RunReport report = await(started.get(), target.name(), human);
            closeView(view);
            Summary.print(report, human, width);
            int exitCode = ExitCode.of(report, options.contextFile());
            if (exitCode == ExitCode.FACTS_NOT_SAVED) {
                err.println(
                        "homestak: the context file " + options.contextFile().orElseThrow() + " could not be written; "
                                + report.files().stream()
                                        .filter(f -> f.toString().endsWith(".context.json"))
                                        .findFirst()
                                        .map(f -> "the run's facts are in " + f)
                                        .orElse("the run's facts are in the report")
                                + ": copy them where the next scenario reads them");
                err.flush();
            }
            if (flags.jsonOutput) {
                out.println(ResultJson.render(report, target.secrets(), exitCode));
                out.flush();
            }
            return exitCode;
        } finally {
            closeView(view);
        }
    }

    /**
     * Waits for the report. The first stop signal (Ctrl-C, SIGTERM, SIGHUP) cancels the run (its cleanup policy
     * still applies), the second aborts the cleanup too, a third ends the process at once ({@link StopRequests}).
     */
    private RunReport await(RunHandle handle, String host, PrintWriter human) {
        String hint = "VMs tagged homestak-run-" + handle.runId() + "; remove them with: homestak cleanup --host "
                + host + " --run " + handle.runId() + " --yes";
        try (StopRequests stops = StopRequests.watch(env.interrupts(), human, handle::cancel, hint)) {
            return handle.await();
        }
    }

    /**
     * The ports of the run's actions: the host config (looked up after the facts), SSH with the target's
     * keys and port, Proxmox clients; for the sim host, clients that trust its nested PVEs and the
     * playbooks' stand-ins ({@link SimPlaybooks}).
     */
    static ActionContext actionContext(RunTarget target, ProxmoxClients clients) {
        ActionContext.Builder b = ports(target, clients).context(clients, SshClient.create(target.ssh()));
        target.host().ifPresent(b::host);
        return b.build();
    }

    /** The ports of a run on {@code target}: its SSH settings, {@code clients}, the sim's playbook stand-ins. */
    static Ports ports(RunTarget target, ProxmoxClients clients) {
        Ports.Builder b = Ports.builder().ssh(SshClient.create(target.ssh())).proxmox(clients);
        target.sim().ifPresent(sim -> SimPlaybooks.all().forEach(b::standIn));
        return b.build();
    }

    /** A runner builder for {@code target}: its host config and site, its name as {@code --host} gave it, its ports. */
    private static ScenarioRunner.Builder runner(RunTarget target, ProxmoxClients clients) {
        ScenarioRunner.Builder b = ScenarioRunner.builder().ports(ports(target, clients));
        target.host().ifPresent(b::hostConfig);
        target.site().ifPresent(b::site);
        return b.host(target.name());
    }

    /** The run's Proxmox clients (closed after the run). */
    static ProxmoxClients clients(RunTarget target) {
        return target.sim()
                .map(sim -> SimWiring.clients(target.host().orElseThrow()))
                .orElseGet(ProxmoxClients::create);
    }

    private Path reportDir() {
        return env.workingDir().resolve(Optional.ofNullable(flags.reportDir).orElse(Path.of("reports")));
    }

    private int width() {
        try {
            return Integer.parseInt(
                    env.variables().getOrDefault("COLUMNS", "100").strip());
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    private static void closeView(RunListener view) {
        if (view instanceof LiveView live) {
            live.close();
        }
    }
}
