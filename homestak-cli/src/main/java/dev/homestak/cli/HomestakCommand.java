package dev.homestak.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code homestak} command: lists scenarios and phases, checks readiness, and runs a
 * scenario with the original's flags. The work is done by {@link Listings} (cheap, no configuration loaded)
 * and {@link ScenarioCommand} (everything that touches configuration, hosts and the runner).
 */
@Command(
        name = "homestak",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description =
                "Runs Proxmox VE scenarios: provision, configure, verify and tear down VMs, with a report of every run.",
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0    passed (or listing / check succeeded)",
            "  1    scenario failed (cleanup, if any, succeeded)",
            "  2    usage or configuration error: nothing was run",
            "  3    cleanup failed: resources may be left behind",
            "  4    passed, but the context file could not be written (the facts are in the report directory)",
            "  130  interrupted (Ctrl-C); 143 SIGTERM, 129 SIGHUP; a second signal stops the cleanup as well"
        },
        subcommands = {
            ConfigCommand.class,
            SimCommand.class,
            CleanupCommand.class,
            CompletionCommand.class,
            ManifestCommand.class
        })
final class HomestakCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Spec
    CommandSpec spec;

    @Mixin
    RunFlags flags;

    @Mixin
    SiteConfigOption siteConfig;

    HomestakCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        return new Listings(spec.commandLine().getOut())
                .answer(flags.listScenarios, flags.listPhases, flags.scenarioName(), flags.preflight)
                .map(listed -> listed.fold(f -> Console.fail(spec, f), ok -> ok))
                .orElseGet(() -> new ScenarioCommand(env, spec.commandLine(), flags, siteConfig).call());
    }
}
