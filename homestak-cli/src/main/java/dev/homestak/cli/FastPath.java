package dev.homestak.cli;

import dev.homestak.core.Failure;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * The listing commands without picocli: {@code --list-scenarios} and {@code --scenario X --list-phases}
 * (alone, or with {@code --verbose}), and {@code --help} (its text written at build time, {@link HelpText}), are
 * answered before the command model is built, since building it by
 * reflection costs more than the listing itself. Output and exit codes are the same as through
 * {@link HomestakCommand}; anything else returns empty and goes through picocli.
 */
final class FastPath {

    private FastPath() {
    }

    /** The exit code when {@code args} are a listing this class answers, else empty (nothing printed). */
    static Optional<Integer> run(String[] args, PrintWriter out, PrintWriter err) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            // written at build time (HelpText); without it, picocli answers
            return HelpText.cached().map(text -> {
                out.print(text);
                return ExitCode.OK;
            });
        }
        boolean listScenarios = false;
        boolean listPhases = false;
        String scenario = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--list-scenarios" -> listScenarios = true;
                case "--list-phases" -> listPhases = true;
                case "-v", "--verbose" -> {
                    // no effect on listings
                }
                case "-S", "--scenario" -> {
                    if (i + 1 >= args.length || scenario != null || args[i + 1].startsWith("-")) {
                        return Optional.empty();
                    }
                    scenario = args[++i];
                }
                default -> {
                    if (!a.startsWith("--scenario=") || scenario != null) {
                        return Optional.empty();
                    }
                    scenario = a.substring("--scenario=".length());
                }
            }
        }
        Listings listings = new Listings(out);
        if (listScenarios) {
            return Optional.of(listings.scenarios(scenario == null));
        }
        if (listPhases && scenario != null) {
            return Optional.of(listings.phases(scenario).fold(f -> fail(err, f), ok -> ok));
        }
        return Optional.empty();
    }

    private static int fail(PrintWriter err, Failure failure) {
        err.println("homestak: " + failure.message());
        err.flush();
        return ExitCode.USAGE;
    }
}
