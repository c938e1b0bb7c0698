package dev.homestak.cli;

import dev.homestak.scenarios.Scenario;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;

/**
 * The original's question before a destructive scenario ({@code Continue? [y/N]}). Without a terminal to
 * ask on and without {@code --yes}, the run is refused rather than assumed.
 */
final class Confirmation {

    private final Terminal terminal;
    private final PrintWriter out;
    private final PrintWriter err;

    Confirmation(Terminal terminal, PrintWriter out, PrintWriter err) {
        this.terminal = terminal;
        this.out = out;
        this.err = err;
    }

    /** Empty when the run may go ahead; else the exit code to stop with (after printing why). */
    Optional<Integer> refuse(Scenario scenario, String host, RunFlags flags) {
        if (!scenario.attributes().requiresConfirmation() || flags.yes || flags.dryRun) {
            return Optional.empty();
        }
        if (!terminal.stdinTty()) {
            err.println("homestak: '" + scenario.name() + "' is a destructive scenario and there is no terminal to "
                    + "confirm on: add --yes to run it");
            err.flush();
            return Optional.of(ExitCode.USAGE);
        }
        out.println("WARNING: '" + scenario.name() + "' is a destructive scenario.");
        out.println("Target: " + host);
        out.print("Continue? [y/N] ");
        out.flush();
        String answer = terminal.lineReader().get().orElse("").strip().toLowerCase(Locale.ROOT);
        if (answer.equals("y") || answer.equals("yes")) {
            return Optional.empty();
        }
        out.println("Aborted.");
        out.flush();
        return Optional.of(ExitCode.FAILED);
    }
}
