package dev.homestak.cli;

import dev.homestak.core.Failure;
import picocli.CommandLine.Model.CommandSpec;

/** How commands report a failure: one line on stderr, and the exit code for its kind. */
final class Console {

    private Console() {}

    /** Prints {@code homestak: <message>} on the command's error stream; returns the usage/config exit code. */
    static int fail(CommandSpec spec, Failure failure) {
        spec.commandLine().getErr().println("homestak: " + failure.message());
        return ExitCode.USAGE;
    }
}
