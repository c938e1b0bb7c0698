package dev.homestak.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * The training runs of the launcher's ahead-of-time caches (JDK 25+), one per kind of command so that each
 * cache holds exactly what its commands load (a cache preloads all its classes: a listing must not pay for
 * the simulator's). {@code list}: the listings. {@code run}: help, a pre-flight check of the embedded
 * simulator (HTTPS, TLS pinning, JSON, SSH server), a dry run, {@code manifest validate}, and the main job on
 * an instant simulator.
 * Prints nothing.
 */
public final class Training {

    /** The README's main job, trained when it is registered. */
    private static final String MAIN_JOB = "simple-vm-roundtrip";

    private Training() {}

    /** Runs the training commands of mode {@code args[0]} ({@code list} or {@code run}). */
    public static void main(String[] args) {
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        if (args.length > 0 && args[0].equals("run")) {
            for (String[] command : runCommands()) {
                CommandLine commandLine =
                        Cli.newCommandLine(CliEnvironment.system().withTerminal(Terminal.none()));
                commandLine.setOut(nowhere);
                commandLine.setErr(nowhere);
                commandLine.execute(command);
            }
            return;
        }
        FastPath.run(new String[] {"--list-scenarios"}, nowhere, nowhere);
        FastPath.run(new String[] {"--help"}, nowhere, nowhere);
        FastPath.run(new String[] {"--version"}, nowhere, nowhere);
        Registry.load().names().stream()
                .findFirst()
                .ifPresent(name -> FastPath.run(new String[] {"--scenario", name, "--list-phases"}, nowhere, nowhere));
        FastPath.run(new String[] {"--scenario", "no such scenario", "--list-phases"}, nowhere, nowhere);
    }

    private static List<String[]> runCommands() {
        List<String[]> commands = new ArrayList<>();
        commands.add(new String[] {"--help"});
        commands.add(new String[] {"--preflight", "--host", SimHost.NAME});
        Registry.load().all().stream()
                .filter(s -> s.attributes().requiresHostConfig())
                .findFirst()
                .ifPresent(
                        s -> commands.add(new String[] {"--scenario", s.name(), "--host", SimHost.NAME, "--dry-run"}));
        commands.add(manifestValidate());
        if (Registry.load().names().contains(MAIN_JOB)) {
            try {
                // the main job itself, on an instant simulator, reports into a scratch directory
                Path dir = Files.createTempDirectory("homestak-training-");
                Path profile = Files.writeString(dir.resolve("instant.yaml"), "timing:\n  speed: 0\n");
                commands.add(new String[] {
                    "--scenario",
                    MAIN_JOB,
                    "--host",
                    SimHost.NAME,
                    "--sim-profile",
                    profile.toString(),
                    "--report-dir",
                    dir.resolve("reports").toString(),
                    "--json-output"
                });
            } catch (IOException e) {
                // no scratch directory: train without the main job
            }
        }
        return commands;
    }

    /** {@code manifest validate} of a one-node manifest against an empty site-config (schema and checks loaded). */
    private static String[] manifestValidate() {
        String json =
                "{\"schema_version\": 2, \"name\": \"training\", \"nodes\": [{\"name\": \"a\", \"type\": \"vm\"}]}";
        try {
            Path site = Files.createTempDirectory("homestak-training-site-");
            return new String[] {"manifest", "validate", "--manifest-json", json, "--site-config", site.toString()};
        } catch (IOException e) {
            return new String[] {"manifest", "--help"};
        }
    }
}
