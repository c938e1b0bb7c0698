package dev.homestak.cli;

import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ProxmoxClients;
import dev.homestak.core.Failure;
import dev.homestak.core.internal.PyJson;
import dev.homestak.scenarios.LeftoverVm;
import dev.homestak.scenarios.Leftovers;
import dev.homestak.scenarios.RunLocks;
import io.vavr.control.Either;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code homestak cleanup --host H}: lists the VMs on H that carry homestak's tag and removes those of runs that are
 * not alive (kill -9, power loss), or of the run given with {@code --run}. A VM without homestak's tag is never
 * touched; a run whose process still holds its lock on this machine is left alone.
 */
@Command(
        name = "cleanup",
        mixinStandardHelpOptions = true,
        description = "List the VMs homestak runs left on a host and remove those of runs that are no longer alive.",
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  nothing is left to remove (or --dry-run)",
            "  1  aborted at the confirmation",
            "  2  usage or configuration error, host not reachable, or refused without a terminal and --yes",
            "  3  some VMs could not be removed (each is named)"
        })
final class CleanupCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Spec
    CommandSpec spec;

    @Mixin
    SiteConfigOption siteConfig;

    @Option(
            names = {"--host", "-H"},
            required = true,
            paramLabel = "HOST",
            description = "Node or host to clean up.")
    String host = "";

    @Option(
            names = "--run",
            paramLabel = "RUN_ID",
            description = "Only the VMs of this run (default: of every run not alive).")
    @Nullable
    String run;

    @Option(names = "--dry-run", description = "List what would be removed; remove nothing.")
    boolean dryRun;

    @Option(
            names = {"--yes", "-y"},
            description = "Do not ask before removing.")
    boolean yes;

    @Option(names = "--json-output", description = "One JSON object on stdout; human text on stderr.")
    boolean jsonOutput;

    @Option(
            names = "--sim-connection",
            paramLabel = "FILE",
            description = "With -H sim: the standalone 'homestak sim --connection-file FILE' whose VMs to clean up.")
    @Nullable
    Path simConnection;

    CleanupCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        RunFlags flags = new RunFlags();
        flags.simConnection = simConnection;
        flags.host = host;
        Either<Failure, RunTarget> target = new Targets(env, siteConfig).resolve(Optional.of(host), flags, "", true);
        if (target.isLeft()) {
            return Console.fail(spec, target.getLeft());
        }
        try (RunTarget t = target.get();
                ProxmoxClients clients = RunSession.clients(t)) {
            return clean(t, RunSession.actionContext(t, clients));
        }
    }

    private int clean(RunTarget target, ActionContext ctx) {
        Either<ActionFailure, List<LeftoverVm>> found =
                Leftovers.discover(Optional.empty()).run(ctx);
        if (found.isLeft()) {
            return fail("cannot list the VMs on " + target.name() + ": "
                    + found.getLeft().message());
        }
        CleanupPlan plan = CleanupPlan.of(
                found.get(),
                Optional.ofNullable(run),
                RunLocks.forUser(env.variables(), env.config().home()));
        PrintWriter human =
                jsonOutput ? spec.commandLine().getErr() : spec.commandLine().getOut();
        human.println(
                found.get().isEmpty()
                        ? "No VM with homestak's tag on " + target.name() + "."
                        : "VMs with homestak's tag on " + target.name() + ":");
        if (!found.get().isEmpty()) {
            plan.table().forEach(human::println);
        }
        List<LeftoverVm> remove = plan.toRemove();
        if (remove.isEmpty() || dryRun) {
            human.println(
                    remove.isEmpty() ? "Nothing to clean up." : "Would remove " + remove.size() + " VMs (dry run).");
            return finish(target, plan, List.of(), ExitCode.OK);
        }
        Optional<Integer> refused = confirm(remove.size(), target.name(), human);
        if (refused.isPresent()) {
            return refused.get();
        }
        Either<ActionFailure, ?> removed = Leftovers.remove(remove).run(ctx);
        List<LeftoverVm> left = stillThere(ctx, remove);
        left.forEach(vm -> spec.commandLine()
                .getErr()
                .println("homestak: could not remove " + label(vm) + " on " + target.name()
                        + (removed.isLeft()
                                ? ": " + TerminalText.clean(removed.getLeft().message())
                                : "")));
        human.println(
                left.isEmpty()
                        ? "Removed " + remove.size() + " VMs; nothing left."
                        : (remove.size() - left.size()) + " of " + remove.size() + " VMs removed; " + left.size()
                                + " left.");
        return finish(target, plan, left, left.isEmpty() ? ExitCode.OK : ExitCode.CLEANUP_FAILED);
    }

    /** The VMs of {@code wanted} that still exist (all of them when the host cannot be asked). */
    private static List<LeftoverVm> stillThere(ActionContext ctx, List<LeftoverVm> wanted) {
        List<LeftoverVm> now = Leftovers.discover(Optional.empty()).run(ctx).getOrElse(wanted);
        return wanted.stream()
                .filter(w -> now.stream()
                        .anyMatch(n -> n.vmid() == w.vmid() && n.runId().equals(w.runId())))
                .toList();
    }

    /** Empty when removing may go ahead: {@code --yes}, or "y" on a terminal. */
    private Optional<Integer> confirm(int count, String hostName, PrintWriter human) {
        if (yes) {
            return Optional.empty();
        }
        if (!env.terminal().stdinTty()) {
            return Optional.of(
                    fail("removing " + count + " VMs needs a confirmation and there is no terminal: add --yes"));
        }
        human.print("Remove " + count + " VMs from " + hostName + "? [y/N] ");
        human.flush();
        String answer = env.terminal().lineReader().get().orElse("").strip().toLowerCase(Locale.ROOT);
        if (answer.equals("y") || answer.equals("yes")) {
            return Optional.empty();
        }
        human.println("Aborted.");
        return Optional.of(ExitCode.FAILED);
    }

    private int finish(RunTarget target, CleanupPlan plan, List<LeftoverVm> left, int exitCode) {
        if (jsonOutput) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("v", 1);
            json.put("type", "cleanup");
            json.put("host", target.name());
            json.put("dry_run", dryRun);
            json.put("vms", plan.json(left));
            json.put("left", left.stream().map(CleanupCommand::label).toList());
            json.put("exit_code", exitCode);
            spec.commandLine().getOut().println(ResultJson.mask(PyJson.compact(json), target.secrets()));
        }
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().flush();
        return exitCode;
    }

    private static String label(LeftoverVm vm) {
        return "VM " + vm.vmid() + " (" + TerminalText.clean(vm.name()) + ")"
                + vm.runId().map(id -> " of run " + id).orElse("");
    }

    private int fail(String message) {
        spec.commandLine().getErr().println("homestak: " + TerminalText.clean(message));
        spec.commandLine().getErr().flush();
        return ExitCode.USAGE;
    }
}
