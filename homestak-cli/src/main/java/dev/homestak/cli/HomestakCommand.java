package dev.homestak.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code homestak} command. */
@Command(
        name = "homestak",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Runs Proxmox VE scenarios: provision, configure, verify and tear down VMs, with a report of every run.",
        subcommands = {ConfigCommand.class})
final class HomestakCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCode.OK;
    }
}
