package dev.homestak.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.List;
import picocli.CommandLine;

/** The picocli command line of {@code homestak}: error handling, the environment, and running it. */
final class Cli {

    private Cli() {}

    /** Runs {@code args} in the real process environment and returns the exit code (streams flushed). */
    static int run(String[] args) {
        List<String> list = List.of(args);
        quietLibraries(list.contains("--verbose") || list.contains("-v"));
        CommandLine commandLine = newCommandLine(CliEnvironment.system());
        int exitCode = commandLine.execute(args);
        // picocli's writers do not flush on print(): flush before the JVM exits
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        return exitCode;
    }

    /**
     * Library INFO logs (the SSH server announcing its port, security providers) are noise on an operator's
     * terminal: warnings only. {@code --verbose} shows them, and homestak's own debug lines (every command
     * run), like the original's DEBUG level. An explicit setting wins.
     */
    private static void quietLibraries(boolean verbose) {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
            if (verbose) {
                System.setProperty("org.slf4j.simpleLogger.log.dev.homestak", "debug");
            }
        }
    }

    /** The configured command line, also used by tests through {@code execute} with an isolated environment. */
    static CommandLine newCommandLine(CliEnvironment env) {
        CommandLine commandLine = new CommandLine(new HomestakCommand(env), new Factory(env));
        // "--host sim" names the built-in host, not the "sim" subcommand
        commandLine.setAllowSubcommandsAsOptionParameters(true);
        commandLine.setParameterExceptionHandler(Cli::usageError);
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> bug(
                e,
                cl,
                parsed.originalArgs().contains("--verbose")
                        || parsed.originalArgs().contains("-v")));
        commandLine.setOut(new PrintWriter(System.out, true));
        return commandLine;
    }

    /** A usage error is one line plus where to get help; exit 2. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        cl.getErr()
                .println("homestak: " + e.getMessage() + " (see '"
                        + cl.getCommandSpec().qualifiedName() + " --help')");
        cl.getErr().flush();
        return ExitCode.USAGE;
    }

    /** An exception escaping a command is a bug: one line, the stack trace only with --verbose. */
    private static int bug(Exception e, CommandLine cl, boolean verbose) {
        cl.getErr()
                .println("homestak: internal error: " + e
                        + (verbose ? "" : " (run with --verbose for the stack trace)"));
        if (verbose) {
            e.printStackTrace(cl.getErr());
        }
        cl.getErr().flush();
        return ExitCode.FAILED;
    }

    /** Creates commands, handing those that want it the {@link CliEnvironment}. */
    private record Factory(CliEnvironment env) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> withEnv = type.getDeclaredConstructor(CliEnvironment.class);
                return withEnv.newInstance(env);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
