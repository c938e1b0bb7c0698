package dev.homestak.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;

/**
 * {@code homestak --help}, written once at build time (into the jar, as {@code help.txt}) so that {@link FastPath}
 * answers it without building picocli's command model by reflection. The text is picocli's own, 80 columns wide.
 */
public final class HelpText {

    /** The resource the build writes and the fast path reads. */
    static final String RESOURCE = "help.txt";
    /** The width of the text. */
    static final int WIDTH = 80;

    private HelpText() {
    }

    /** The usage text, from the command model (what {@code --help} printed before it was cached). */
    static String render() {
        CommandLine commandLine = Cli.newCommandLine(CliEnvironment.system().withTerminal(Terminal.none()));
        commandLine.setUsageHelpAutoWidth(false);
        commandLine.setUsageHelpWidth(WIDTH);
        return commandLine.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    /** The text the build wrote, if this class path has it. */
    static Optional<String> cached() {
        try (InputStream in = HelpText.class.getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Build step: writes the text to {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, render());
    }
}
