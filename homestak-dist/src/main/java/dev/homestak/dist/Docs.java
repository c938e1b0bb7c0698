package dev.homestak.dist;

import dev.homestak.cli.CommandModel;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build step of the release archive: writes, from the picocli model of the real {@code homestak} command, the
 * AsciiDoc man pages ({@code homestak.adoc} and one per subcommand, turned into {@code homestak.1} ... by
 * Asciidoctor) and the bash completion script (zsh loads it through {@code bashcompinit}). Generated, never
 * written by hand, so every option and subcommand added to the CLI appears in both.
 */
public final class Docs {

    private Docs() {}

    /**
     * Writes the documents.
     *
     * @param args the AsciiDoc output directory and the completion script's path
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: Docs ADOC_DIR COMPLETION_FILE");
        }
        CommandLine homestak = CommandModel.commandLine();
        Path adoc = Files.createDirectories(Path.of(args[0]));
        int exit = ManPageGenerator.generateManPage(
                adoc.toFile(), (File) null, new boolean[0], true, homestak.getCommandSpec());
        if (exit != 0) {
            throw new IOException("man page generation failed with exit code " + exit);
        }
        Path completion = Path.of(args[1]);
        Files.createDirectories(completion.toAbsolutePath().getParent());
        Files.writeString(completion, AutoComplete.bash("homestak", homestak), StandardCharsets.UTF_8);
    }
}
