package dev.homestak.cli;

import dev.homestak.core.ConfigEnvironment;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the command reads from its surroundings, so that tests can run it in isolation: the
 * environment variables, working directory and home (as a {@link ConfigEnvironment}), the terminal,
 * and the source of Ctrl-C.
 *
 * @param config environment variables, working directory, home and the system site-config directory
 * @param terminal which streams are terminals, colour, and the user's answers
 * @param interrupts Ctrl-C
 */
record CliEnvironment(ConfigEnvironment config, Terminal terminal, StopSignals interrupts) {

    /** Validates components. */
    CliEnvironment {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(interrupts, "interrupts");
    }

    /** The real process environment. */
    static CliEnvironment system() {
        ConfigEnvironment config = ConfigEnvironment.system();
        return new CliEnvironment(config, Terminal.system(config.variables()), StopSignals.system());
    }

    /** The environment variables. */
    Map<String, String> variables() {
        return config.variables();
    }

    /** The working directory (relative paths in options resolve against it). */
    Path workingDir() {
        return config.workingDir();
    }

    /** A copy with another terminal. */
    CliEnvironment withTerminal(Terminal value) {
        return new CliEnvironment(config, value, interrupts);
    }
}
