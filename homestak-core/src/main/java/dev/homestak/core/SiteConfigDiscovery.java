package dev.homestak.core;

import io.vavr.control.Either;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds the site-config directory in the original's order: {@code $HOMESTAK_SITE_CONFIG} (an error
 * if set but missing), the sibling {@code ../site-config} of the working directory, its today's name
 * {@code ../config} (upstream renamed the repository), then {@code /opt/homestak/site-config}.
 */
final class SiteConfigDiscovery {

    private SiteConfigDiscovery() {}

    static Either<ConfigFailure, Path> locate(ConfigEnvironment env) {
        String explicit = env.variables().getOrDefault(ConfigEnvironment.SITE_CONFIG_VARIABLE, "");
        if (!explicit.isBlank()) {
            Path dir = env.workingDir().resolve(explicit).normalize();
            if (Files.isDirectory(dir)) {
                return Either.right(dir);
            }
            return Either.left(new ConfigFailure.NotFound(
                    List.of(ConfigEnvironment.SITE_CONFIG_VARIABLE + "=" + explicit),
                    "that directory does not exist; fix or unset " + ConfigEnvironment.SITE_CONFIG_VARIABLE));
        }
        Path sibling = env.workingDir().resolve("../site-config").normalize();
        Path renamed = env.workingDir().resolve("../config").normalize();
        for (Path dir : List.of(sibling, renamed, env.systemDir())) {
            if (Files.isDirectory(dir)) {
                return Either.right(dir);
            }
        }
        return Either.left(new ConfigFailure.NotFound(
                List.of(
                        "$" + ConfigEnvironment.SITE_CONFIG_VARIABLE + " (not set)",
                        sibling.toString(),
                        renamed.toString(),
                        env.systemDir().toString()),
                "set " + ConfigEnvironment.SITE_CONFIG_VARIABLE + " or clone site-config next to homestak"));
    }
}
