package dev.homestak.cli;

import picocli.CommandLine;

/**
 * The {@code homestak} command line as picocli models it, for tools that generate documents from it at build
 * time (the man page and the completion script of the release archive). Nothing is run.
 */
public final class CommandModel {

    private CommandModel() {}

    /**
     * The fully configured command line, with every subcommand, as {@code homestak} itself parses it.
     *
     * @return a new command line in a terminal-less environment
     */
    public static CommandLine commandLine() {
        return Cli.newCommandLine(CliEnvironment.system().withTerminal(Terminal.none()));
    }
}
