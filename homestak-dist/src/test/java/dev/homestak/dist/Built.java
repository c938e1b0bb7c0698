package dev.homestak.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What this module's package phase built, found in its target directory (failsafe passes both in). */
final class Built {

    private Built() {}

    /** The project version (the archive's and the package's). */
    static String version() {
        String version = System.getProperty("homestak.version", "");
        assertThat(version).as("system property homestak.version").isNotBlank();
        return version;
    }

    /** {@code target/homestak-<version>-linux-x64.tar.gz}. */
    static Path archive() {
        Path archive = target().resolve("homestak-" + version() + "-linux-x64.tar.gz");
        assertThat(archive)
                .as("the release archive (built by the package phase)")
                .isRegularFile();
        return archive;
    }

    /** {@code target/homestak_<Debian version>_amd64.deb}, the only one. */
    static Path deb() throws IOException {
        try (Stream<Path> files = Files.list(target())) {
            List<Path> debs = files.filter(f -> f.getFileName().toString().matches("homestak_.*_amd64\\.deb"))
                    .toList();
            assertThat(debs)
                    .as("one homestak_*_amd64.deb in target/ (built by the package phase)")
                    .hasSize(1);
            return debs.getFirst();
        }
    }

    /** The Debian form of the version: {@code 0.1.0-SNAPSHOT} is {@code 0.1.0~SNAPSHOT} (sorts before 0.1.0). */
    static String debianVersion() {
        return version().replace("-SNAPSHOT", "~SNAPSHOT");
    }

    private static Path target() {
        return Path.of(System.getProperty("homestak.target", "target")).toAbsolutePath();
    }
}
