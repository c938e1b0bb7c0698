package dev.homestak.cli;

import dev.homestak.actions.ProxmoxClients;
import dev.homestak.core.Failure;
import dev.homestak.core.manifest.Manifest;
import dev.homestak.core.manifest.ManifestSource;
import dev.homestak.core.manifest.Manifests;
import dev.homestak.manifests.ManifestHandle;
import dev.homestak.manifests.ManifestOptions;
import dev.homestak.manifests.ManifestResult;
import dev.homestak.manifests.ManifestRunner;
import dev.homestak.manifests.StateStore;
import dev.homestak.manifests.Verb;
import dev.homestak.scenarios.JsonLinesListener;
import dev.homestak.scenarios.RunListener;
import io.vavr.control.Either;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;

/**
 * One {@code homestak manifest apply|destroy|test|plan|status} from the command line: resolves the host ({@code sim}
 * starts the simulator), loads and validates the manifest, wires a {@link ManifestRunner} (progress view, JSON Lines,
 * reports, secrets to mask, state directory), handles Ctrl-C, and turns the outcome into the exit code. A problem
 * before anything runs is one line on stderr and exit 2.
 */
final class ManifestSession {

    /** What the command does. */
    sealed interface What {
        /** apply, destroy or test. */
        record Run(Verb verb) implements What {}

        /** plan. */
        record ShowPlan() implements What {}

        /** status. */
        record ShowStatus() implements What {}
    }

    /** What {@link Targets} is told the run is (its embedded simulator's nested PVEs are then non-routable). */
    static final String TARGET_PURPOSE = "manifest";

    private final CliEnvironment env;
    private final CommandLine commandLine;
    private final ManifestFlags flags;
    private final SiteConfigOption siteConfig;

    ManifestSession(CliEnvironment env, CommandLine commandLine, ManifestFlags flags, SiteConfigOption siteConfig) {
        this.env = env;
        this.commandLine = commandLine;
        this.flags = flags;
        this.siteConfig = siteConfig;
    }

    int run(What what, ManifestSource source) {
        RunFlags targetFlags = new RunFlags();
        targetFlags.simProfile = flags.simProfile;
        targetFlags.simRequestLog = flags.simRequestLog;
        targetFlags.simConnection = flags.simConnection;
        Either<Failure, RunTarget> target =
                new Targets(env, siteConfig).resolve(Optional.of(flags.host), targetFlags, TARGET_PURPOSE, true);
        if (target.isLeft()) {
            return fail(target.getLeft());
        }
        try (RunTarget t = target.get();
                ProxmoxClients clients = RunSession.clients(t)) {
            Either<Failure, Manifest> manifest =
                    Manifests.load(source, t.site().orElseThrow()).mapLeft(f -> f);
            if (manifest.isLeft()) {
                return fail(manifest.getLeft());
            }
            return with(what, manifest.get(), t, clients);
        }
    }

    private int with(What what, Manifest manifest, RunTarget target, ProxmoxClients clients) {
        PrintWriter human = flags.jsonOutput ? commandLine.getErr() : commandLine.getOut();
        RunListener view = new PlainLog(human, flags.verbose, Clock.systemDefaultZone());
        ManifestRunner.Builder b = ManifestRunner.builder()
                .hostConfig(target.host().orElseThrow())
                .site(target.site().orElseThrow())
                .ports(RunSession.ports(target, clients))
                .redact(target.secrets())
                .stateStore(store())
                .reportDir(env.workingDir()
                        .resolve(Optional.ofNullable(flags.reportDir).orElse(Path.of("reports"))));
        ManifestRunner runner = b.listener(view).build();
        if (what instanceof What.ShowPlan || (what instanceof What.Run r && flags.dryRun)) {
            Verb verb = what instanceof What.Run r ? r.verb() : Verb.APPLY;
            Either<? extends Failure, String> text = what instanceof What.ShowPlan
                    ? runner.plan(manifest).map(dev.homestak.manifests.Plan::render)
                    : runner.dryRun(verb, manifest);
            return text.fold(this::fail, s -> print(human, s));
        }
        if (what instanceof What.ShowStatus) {
            return runner.status(manifest).fold(this::fail, s -> print(human, s.render(java.time.Instant.now())));
        }
        Verb verb = ((What.Run) what).verb();
        if (verb == Verb.DESTROY && !flags.yes) {
            Optional<Integer> refused = confirm(manifest.name(), target.name(), human);
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        if (flags.jsonOutput) {
            runner = b.listener(JsonLinesListener.to(commandLine.getOut())).build();
        }
        ManifestOptions options = ManifestOptions.defaults().withParallel(flags.parallel);
        if (flags.onError != null) {
            options = options.withOnError(flags.onError);
        }
        Either<? extends Failure, ManifestHandle> started = runner.start(verb, manifest, options);
        if (started.isLeft()) {
            return fail(started.getLeft());
        }
        ManifestResult result = await(started.get(), human, flags.host);
        human.println(line(result));
        result.report().files().stream()
                .filter(f -> f.toString().endsWith(".md"))
                .findFirst()
                .ifPresent(f -> human.println("Report: " + env.workingDir().relativize(f.toAbsolutePath())));
        human.flush();
        if (flags.jsonOutput) {
            commandLine.getOut().println(result.toJson());
            commandLine.getOut().flush();
        }
        return ExitCode.of(result.report());
    }

    /** {@code apply n1-push on sim: passed in 1.2 s (edge completed 99001 10.0.0.5)}. */
    private static String line(ManifestResult r) {
        StringBuilder b = new StringBuilder(r.verb().word() + " "
                + r.plan().deployment().manifest() + " on "
                + r.plan().deployment().host() + ": "
                + r.report().outcome().name().toLowerCase(Locale.ROOT)
                + String.format(Locale.ROOT, " in %.1f s", r.report().duration().toMillis() / 1000.0));
        if (r.verb() == Verb.APPLY && r.plan().upToDate() && r.success()) {
            b.append("\n").append(r.plan().summary());
        }
        r.nodes()
                .forEach(n -> b.append("\n  ")
                        .append(n.name())
                        .append(": ")
                        .append(n.status())
                        .append(n.vmId().map(id -> " vmid " + id).orElse(""))
                        .append(n.ip().map(ip -> " ip " + ip).orElse(""))
                        .append(n.error().map(e -> " - " + e).orElse("")));
        return b.toString();
    }

    private StateStore store() {
        return flags.stateDir != null
                ? StateStore.at(env.workingDir().resolve(flags.stateDir))
                : StateStore.userDefault(env.variables(), env.config().home());
    }

    /** Runs until done; SIGINT, SIGTERM and SIGHUP are handled as for scenario runs ({@link StopRequests}). */
    private ManifestResult await(ManifestHandle handle, PrintWriter human, String host) {
        String hint = "list them with 'homestak cleanup --host " + host + " --dry-run'";
        try (StopRequests stops = StopRequests.watch(env.interrupts(), human, handle::cancel, hint)) {
            return handle.await();
        }
    }

    private Optional<Integer> confirm(String manifest, String host, PrintWriter out) {
        if (!env.terminal().stdinTty()) {
            commandLine
                    .getErr()
                    .println("homestak: manifest destroy removes every VM of " + manifest + " on " + host
                            + " and there is no terminal to confirm on: add --yes");
            commandLine.getErr().flush();
            return Optional.of(ExitCode.USAGE);
        }
        out.print("Destroy every VM of deployment " + manifest + " on " + host + "? [y/N] ");
        out.flush();
        String answer = env.terminal().lineReader().get().orElse("").strip().toLowerCase(Locale.ROOT);
        if (answer.equals("y") || answer.equals("yes")) {
            return Optional.empty();
        }
        out.println("Aborted.");
        out.flush();
        return Optional.of(ExitCode.FAILED);
    }

    private static int print(PrintWriter out, String text) {
        out.print(text.endsWith("\n") ? text : text + "\n");
        out.flush();
        return ExitCode.OK;
    }

    private int fail(Failure failure) {
        commandLine.getErr().println("homestak: " + TerminalText.clean(failure.message()));
        commandLine.getErr().flush();
        return ExitCode.USAGE;
    }
}
