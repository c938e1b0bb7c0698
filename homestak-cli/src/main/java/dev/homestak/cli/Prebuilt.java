package dev.homestak.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What the build derives from picocli's command model for the start-up path ({@link FastPath}, {@link Warmup}),
 * so that they read the command line and print {@code --help} without building the model by reflection: the
 * top-level options ({@link ArgvTable}) and the usage text (picocli's own, {@value #WIDTH} columns). Written by
 * {@link PrebuiltWriter} into the jar as {@value #RESOURCE}; a test compares it with the live model.
 *
 * @param table the top-level options
 * @param usage the text of {@code homestak --help}
 */
record Prebuilt(ArgvTable table, String usage) {

    /** The resource the build writes and the start-up path reads. */
    static final String RESOURCE = "command-line.txt";
    /** The width of the usage text. */
    static final int WIDTH = 80;
    /** The line between the table and the usage text. */
    private static final String USAGE = "usage:\n";

    /** The model the build wrote, if this class path has it (read once). */
    static Optional<Prebuilt> cached() {
        return Holder.CACHED;
    }

    /** The resource's text. */
    String text() {
        return table.text() + USAGE + usage;
    }

    /** Reads {@link #text()}. */
    static Prebuilt parse(String text) {
        int at = text.indexOf(USAGE);
        return new Prebuilt(ArgvTable.parse(text.substring(0, at)), text.substring(at + USAGE.length()));
    }

    private static final class Holder {
        static final Optional<Prebuilt> CACHED = read();

        private static Optional<Prebuilt> read() {
            try (InputStream in = Prebuilt.class.getResourceAsStream(RESOURCE)) {
                return in == null
                        ? Optional.empty()
                        : Optional.of(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }
}
