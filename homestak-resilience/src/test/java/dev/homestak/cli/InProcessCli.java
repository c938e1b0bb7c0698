package dev.homestak.cli;

import dev.homestak.core.ConfigEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The resilience suite's door into the CLI without a new JVM per input: the same command line
 * {@code Main} runs ({@code Cli.newCommandLine}), with an isolated environment, no terminal and no Ctrl-C.
 * The exit code is the one {@code Main} passes to {@code System.exit}.
 */
public final class InProcessCli {

    /** What one run printed and returned. */
    public record Result(int exitCode, String out, String err) {}

    private InProcessCli() {}

    /** Runs {@code homestak args} in {@code workDir} with {@code home} as home and only {@code env} (plus PATH) set. */
    public static Result run(Path workDir, Path home, Map<String, String> env, List<String> args) {
        java.util.Map<String, String> vars = new java.util.HashMap<>(env);
        vars.putIfAbsent("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        ConfigEnvironment config =
                new ConfigEnvironment(Map.copyOf(vars), workDir, home, home.resolve("no-system-site-config"));
        StopSignals none = handler -> () -> {};
        CommandLine commandLine = Cli.newCommandLine(new CliEnvironment(config, Terminal.none(), none));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args.toArray(String[]::new));
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        return new Result(exitCode, out.toString(), err.toString());
    }
}
