package dev.homestak.cli;

import dev.homestak.actions.SshClient;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Set;

/**
 * One-time costs a run will pay soon, started on a daemon thread as the process starts, while the command
 * line is parsed on the main thread: the JDK's precomputed P-256 tables (about 0.1 s, needed by TLS and by
 * every EC key the {@code sim} host generates) and the SSH library's algorithm set-up. Only for commands that
 * run a scenario; a listing, help or a dry run starts nothing. Purely an optimisation: whatever is not ready
 * yet is loaded by its first user as before.
 */
final class Warmup {

    private static final Set<String> NOT_A_RUN = Set.of("--help", "-h", "--version", "-V", "--dry-run",
            "--list-phases", "--list-scenarios", "--preflight");

    private Warmup() {
    }

    /** Starts the warm-up thread when {@code args} run a scenario. */
    static void startIfRun(String[] args) {
        List<String> list = List.of(args);
        boolean scenario = list.stream().anyMatch(a -> a.equals("--scenario") || a.equals("-S") || a.startsWith("--scenario="));
        if (scenario && list.stream().noneMatch(NOT_A_RUN::contains)) {
            Thread.ofPlatform().daemon().name("warmup").start(Warmup::run);
        }
    }

    private static void run() {
        try {
            SshKeys.newP256Pair();
        } catch (GeneralSecurityException e) {
            // a JDK without P-256 fails later where it matters, with a message there
        }
        SshClient.preload();
    }
}
