package dev.homestak.cli;

import picocli.CommandLine.Command;

/** {@code homestak config}: inspect the merged site-config without touching any host. */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        description = "Show the merged site-config (secrets masked).",
        subcommands = {ConfigShowCommand.class, ConfigResolveCommand.class})
final class ConfigCommand {}
