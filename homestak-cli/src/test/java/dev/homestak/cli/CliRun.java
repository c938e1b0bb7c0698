package dev.homestak.cli;

import dev.homestak.core.ConfigEnvironment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/**
 * One black-box run of {@code homestak} through picocli's {@code execute}, with captured streams and an
 * isolated environment: empty home (so the sim host generates its SSH key), no site-config unless given,
 * no terminal unless asked for, and Ctrl-C under the test's control.
 */
record CliRun(int exitCode, String out, String err) {

    /** Runs with the default isolated environment, the module directory as working directory. */
    static CliRun of(String... args) {
        return with().run(args);
    }

    /** A configurable run. */
    static Setup with() {
        return new Setup();
    }

    /** Out and err together. */
    String all() {
        return out + err;
    }

    /** The environment of one run. */
    static final class Setup {
        private final Map<String, String> vars = new HashMap<>();
        private Path workingDir = Path.of("").toAbsolutePath();
        private Path home;
        private Terminal terminal = Terminal.none();
        private final ManualStopSignals interrupts = new ManualStopSignals();
        private java.io.Writer tee = java.io.Writer.nullWriter();

        Setup() {
            vars.put("PATH", Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin"));
            try {
                home = Files.createTempDirectory("homestak-cli-home-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Setup env(String name, String value) {
            vars.put(name, value);
            return this;
        }

        Setup workingDir(Path dir) {
            workingDir = dir;
            return this;
        }

        Setup home(Path dir) {
            home = dir;
            return this;
        }

        /** Also copies stdout to {@code writer} as it is written (to watch a run in progress). */
        Setup out(java.io.Writer writer) {
            tee = writer;
            return this;
        }

        Setup terminal(Terminal value) {
            terminal = value;
            return this;
        }

        /** A terminal on stdin and stdout whose user types {@code answers}, one per question. */
        Setup tty(boolean color, String... answers) {
            Deque<String> queue = new ArrayDeque<>(java.util.List.of(answers));
            terminal = new Terminal(true, true, true, color, () -> Optional.ofNullable(queue.poll()));
            return this;
        }

        /** The Ctrl-C source of this run. */
        ManualStopSignals interrupts() {
            return interrupts;
        }

        CliRun run(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            ConfigEnvironment config =
                    new ConfigEnvironment(Map.copyOf(vars), workingDir, home, home.resolve("no-system-site-config"));
            CommandLine commandLine = Cli.newCommandLine(new CliEnvironment(config, terminal, interrupts));
            commandLine.setOut(new PrintWriter(new Tee(out, tee), true));
            commandLine.setErr(new PrintWriter(err, true));
            int exitCode = commandLine.execute(args);
            commandLine.getOut().flush();
            commandLine.getErr().flush();
            return new CliRun(exitCode, out.toString(), err.toString());
        }
    }

    /** Writes to a buffer and to a second writer, flushing the second at every flush. */
    private static final class Tee extends java.io.Writer {
        private final StringWriter buffer;
        private final java.io.Writer copy;

        Tee(StringWriter buffer, java.io.Writer copy) {
            this.buffer = buffer;
            this.copy = copy;
        }

        @Override
        public void write(char[] chars, int off, int len) throws IOException {
            buffer.write(chars, off, len);
            copy.write(chars, off, len);
        }

        @Override
        public void flush() throws IOException {
            copy.flush();
        }

        @Override
        public void close() throws IOException {
            copy.close();
        }
    }
}
