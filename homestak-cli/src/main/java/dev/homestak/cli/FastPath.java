package dev.homestak.cli;

import dev.homestak.core.Failure;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.Set;

/**
 * The top-level command's answers that need no picocli: {@code --help}, {@code --version} and the listings
 * ({@code --list-scenarios}, {@code --scenario X --list-phases}, or no scenario at all), given before the command
 * model is built, since building it by reflection costs more than the answer. The command line is read with the
 * options table the build derived from that model ({@link Prebuilt}), so every top-level option picocli knows is
 * read here too, with no change to this class. Output and exit codes are the same as through
 * {@link HomestakCommand}; anything the table cannot read returns empty and goes through picocli.
 */
final class FastPath {

    /** The options this class reads, by canonical name (a test checks the command model has each). */
    static final Set<String> READS =
            Set.of(RunFlags.SCENARIO, RunFlags.LIST_SCENARIOS, RunFlags.LIST_PHASES, RunFlags.PREFLIGHT);

    private FastPath() {}

    /** The exit code when {@code args} are answered here, else empty (nothing printed). */
    static Optional<Integer> run(String[] args, PrintWriter out, PrintWriter err) {
        return Prebuilt.cached().flatMap(prebuilt -> run(prebuilt, args, out, err));
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter)}, with the given start-up model. */
    static Optional<Integer> run(Prebuilt prebuilt, String[] args, PrintWriter out, PrintWriter err) {
        return prebuilt.table().match(args).filter(argv -> !argv.needsPicocli()).flatMap(argv -> {
            // picocli's order: usage help, then version help, then the command
            if (argv.has(ArgvTable.Kind.HELP)) {
                out.print(prebuilt.usage());
                return Optional.of(ExitCode.OK);
            }
            if (argv.has(ArgvTable.Kind.VERSION)) {
                for (String line : new VersionProvider().getVersion()) {
                    out.println(line);
                }
                return Optional.of(ExitCode.OK);
            }
            return new Listings(out)
                    .answer(
                            argv.has(RunFlags.LIST_SCENARIOS),
                            argv.has(RunFlags.LIST_PHASES),
                            argv.value(RunFlags.SCENARIO),
                            argv.has(RunFlags.PREFLIGHT))
                    .map(r -> r.fold(f -> fail(err, f), ok -> ok));
        });
    }

    private static int fail(PrintWriter err, Failure failure) {
        err.println("homestak: " + failure.message());
        err.flush();
        return ExitCode.USAGE;
    }
}
