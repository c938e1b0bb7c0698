package dev.homestak.cli;

import picocli.CommandLine;

/** Process entry point of the {@code homestak} command. */
public final class Main {

    private Main() {
    }

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** The configured command line, also used by tests through {@code execute}. */
    static CommandLine newCommandLine() {
        return new CommandLine(new HomestakCommand());
    }
}
