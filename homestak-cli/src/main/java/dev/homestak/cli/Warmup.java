package dev.homestak.cli;

import dev.homestak.actions.SshClient;
import java.security.GeneralSecurityException;
import java.util.List;

/**
 * One-time costs a run will pay soon, started on a daemon thread as the process starts, while the command
 * line is parsed on the main thread: the JDK's precomputed P-256 tables (about 0.1 s, needed by TLS and by
 * every EC key the {@code sim} host generates) and the SSH library's algorithm set-up. Only for commands that
 * run a scenario; a listing, help or a dry run starts nothing. Purely an optimisation: whatever is not ready
 * yet is loaded by its first user as before.
 */
final class Warmup {

    /** Options that make a command line with {@code --scenario} something other than a run. */
    private static final List<String> NOT_A_RUN =
            List.of(RunFlags.DRY_RUN, RunFlags.LIST_PHASES, RunFlags.LIST_SCENARIOS, RunFlags.PREFLIGHT);

    private Warmup() {}

    /**
     * Starts the warm-up thread when {@code args} run a scenario, as read with the build's options table
     * ({@link Prebuilt}); a command line only picocli can read starts nothing.
     */
    static void startIfRun(String[] args) {
        boolean run = Prebuilt.cached()
                .flatMap(p -> p.table().match(args))
                .filter(argv -> argv.has(RunFlags.SCENARIO)
                        && !argv.has(ArgvTable.Kind.HELP)
                        && !argv.has(ArgvTable.Kind.VERSION))
                .filter(argv -> NOT_A_RUN.stream().noneMatch(argv::has))
                .isPresent();
        if (run) {
            Thread.ofPlatform().daemon().name("warmup").start(Warmup::run);
        }
    }

    private static void run() {
        try {
            SimRunKeys.newP256Pair();
        } catch (GeneralSecurityException e) {
            // a JDK without P-256 fails later where it matters, with a message there
        }
        SshClient.preload();
    }
}
