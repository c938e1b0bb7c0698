package dev.homestak.scenarios.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with {@code src/test/resources/golden/<name>}, byte for byte. Run with
 * {@code -Dgolden.update=true} to (re)write a golden file after reviewing the change.
 */
final class Golden {

    private static final Path DIR = Path.of("src/test/resources/golden");

    private Golden() {}

    static void assertMatches(String name, String actual) {
        Path file = DIR.resolve(name);
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            }
            assertThat(file).as("golden file %s", file).exists();
            assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
