package dev.homestak.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** Where the shared fixtures are, and copies of the fixture site-config that a test may break. */
final class Fixtures {

    private Fixtures() {}

    static Path shared() {
        return Path.of(System.getProperty("homestak.shared", "../../shared"));
    }

    static Path siteConfig() {
        return shared().resolve("fixtures/site-config");
    }

    static Path expected() {
        return shared().resolve("fixtures/site-config-expected");
    }

    /** An environment that finds no age key and no site-config of its own. */
    static ConfigEnvironment isolated(Path dir) {
        return new ConfigEnvironment(Map.of(), dir.resolve("work"), dir.resolve("home"), dir.resolve("opt"));
    }

    /** Copies the fixture site-config into {@code target} (which must not exist). */
    static Path copySiteConfig(Path target) {
        Path source = siteConfig();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.sorted(Comparator.naturalOrder()).toList()) {
                Path dest = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
