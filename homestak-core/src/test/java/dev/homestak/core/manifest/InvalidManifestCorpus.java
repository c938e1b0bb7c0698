package dev.homestak.core.manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The corpus of invalid manifests ({@code src/test/resources/manifests/invalid/}). Each file states what
 * it must be refused with, one comment per problem: {@code # expect: LINE KEY TEXT} (KEY {@code -} for a
 * problem without a key, such as a syntax error).
 */
final class InvalidManifestCorpus {

    private InvalidManifestCorpus() {}

    /** One expected problem: {@code file:line: 'key' text…}. */
    record Expect(int line, String key, String text) {
        /** Whether {@code message} is this problem of {@code file}. */
        boolean matches(Path file, String message) {
            String where = file + ":" + line + ":";
            return message.startsWith(where)
                    && (key.equals("-") || message.startsWith(where + " '" + key + "' "))
                    && message.contains(text);
        }
    }

    /** The corpus directory of this module's test resources. */
    static Path dir() {
        return Path.of("src/test/resources/manifests/invalid").toAbsolutePath();
    }

    static List<Path> files() {
        try (Stream<Path> files = Files.list(dir())) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Expect> expects(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(l -> l.startsWith("# expect: "))
                    .map(l -> {
                        String[] parts = l.substring("# expect: ".length()).split(" ", 3);
                        return new Expect(Integer.parseInt(parts[0]), parts[1], parts[2]);
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
