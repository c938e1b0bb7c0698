package dev.homestak.cli;

import java.io.PrintWriter;
import java.util.Optional;

/**
 * Process entry point of the {@code homestak} command. Listings are answered by {@link FastPath} before
 * anything else is loaded; everything else goes through picocli ({@link Cli}).
 */
public final class Main {

    private Main() {}

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out);
        PrintWriter err = new PrintWriter(System.err);
        Optional<Integer> listed = FastPath.run(args, out, err);
        if (listed.isPresent()) {
            out.flush();
            err.flush();
            // nothing to shut down: halt skips the exit logging and hooks that System.exit initialises
            Runtime.getRuntime().halt(listed.get());
        }
        Warmup.startIfRun(args);
        System.exit(Cli.run(args));
    }
}
