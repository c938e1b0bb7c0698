package dev.homestak.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the process is attached to: which streams are terminals, whether colour is allowed, and how to read
 * one line from the user.
 *
 * @param stdinTty stdin is a terminal (a question can be asked)
 * @param stdoutTty stdout is a terminal (live progress lines)
 * @param stderrTty stderr is a terminal (live progress when stdout carries JSON)
 * @param color ANSI colours allowed ({@code NO_COLOR} unset, {@code TERM} not {@code dumb})
 * @param lineReader reads one line of the user's answer; empty at end of input
 */
record Terminal(
        boolean stdinTty, boolean stdoutTty, boolean stderrTty, boolean color, Supplier<Optional<String>> lineReader) {

    /**
     * The real terminal. The launcher passes {@code -Dhomestak.tty=IOE} (letters for the streams that are
     * terminals, tested with {@code [ -t N ]}), because the JDK cannot tell which of its streams is a TTY.
     */
    static Terminal system(Map<String, String> env) {
        String tty = System.getProperty("homestak.tty");
        // System.console() loads the JDK's line editor (hundreds of classes): only without the launcher's answer
        boolean console = tty == null && System.console() != null;
        boolean in = tty != null ? tty.contains("I") : console;
        boolean out = tty != null ? tty.contains("O") : console;
        boolean err = tty != null ? tty.contains("E") : console;
        boolean color = !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return new Terminal(in, out, err, color, () -> readLine(stdin));
    }

    /** Not a terminal anywhere, no input: what CI and pipes look like. */
    static Terminal none() {
        return new Terminal(false, false, false, false, Optional::empty);
    }

    private static Optional<String> readLine(BufferedReader reader) {
        try {
            return Optional.ofNullable(reader.readLine());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
