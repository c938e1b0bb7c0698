package dev.homestak.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the suite's runs write (reports, event streams, CLI output), kept after each test so that
 * {@link SecretScanTest} can read every file at the end, and the secret values it looks for. The
 * values live only in this JVM's memory: written to a file, they would be found by the scan itself.
 */
final class Outputs {

    /** Every secret value any test of this run handed to homestak. */
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Outputs.class);

    static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    private Outputs() {}

    /** The root of everything the suite writes ({@code target/resilience-out}). */
    static Path root() {
        return Path.of(System.getProperty("resilience.out", "target/resilience-out"))
                .toAbsolutePath();
    }

    /** The suite's log file (slf4j-simple writes every log line there; it truncates the file when it starts). */
    static Path logFile() {
        log.trace("logging started"); // starts slf4j before anyone counts lines in the file
        return root().resolveSibling("resilience-suite.log");
    }

    /** A fresh, empty directory {@code root()/name}. */
    static Path dir(String name) {
        Path dir = root().resolve(name);
        try {
            if (Files.exists(dir)) {
                try (var walk = Files.walk(dir)) {
                    walk.sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Registers secret values to scan for; blank values are ignored (they would match everywhere). */
    static void secrets(String... values) {
        for (String v : values) {
            if (!v.isBlank()) {
                SECRETS.add(v);
            }
        }
    }
}
