package dev.homestak.cli;

import picocli.CommandLine;

/** Process entry point of the {@code homestak} command. */
public final class Main {

    private Main() {
    }

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        CommandLine commandLine = newCommandLine();
        int exitCode = commandLine.execute(args);
        // picocli's writers do not flush on print(): flush before the JVM exits
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        System.exit(exitCode);
    }

    /** The configured command line, also used by tests through {@code execute}. */
    static CommandLine newCommandLine() {
        return new CommandLine(new HomestakCommand());
    }
}
