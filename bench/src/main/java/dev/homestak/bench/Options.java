package dev.homestak.bench;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@link BenchMain} runs.
 *
 * @param smoke    each benchmark once with tiny sizes
 * @param launcher the {@code homestak} launcher for the start-up benchmark (skipped when empty)
 * @param out      the directory for work files and results
 * @param svg      where the fan-out chart goes (default {@code out/fanout.svg})
 */
public record Options(boolean smoke, Optional<Path> launcher, Path out, Optional<Path> svg) {

    /** Parses {@code --smoke}, {@code --launcher PATH}, {@code --out DIR}, {@code --svg FILE}. */
    public static Options parse(String... args) {
        boolean smoke = false;
        Optional<Path> launcher = Optional.empty();
        Path out = Path.of("target", "bench");
        Optional<Path> svg = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smoke" -> smoke = true;
                case "--launcher" -> launcher = Optional.of(Path.of(value(args, ++i)));
                case "--out" -> out = Path.of(value(args, ++i));
                case "--svg" -> svg = Optional.of(Path.of(value(args, ++i)));
                default ->
                    throw new IllegalArgumentException(
                            "unknown option '" + args[i] + "' (use --smoke, --launcher PATH, --out DIR, --svg FILE)");
            }
        }
        return new Options(smoke, launcher, out, svg);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException("option '" + args[i - 1] + "' needs a value");
        }
        return args[i];
    }
}
