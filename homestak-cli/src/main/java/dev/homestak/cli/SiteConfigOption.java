package dev.homestak.cli;

import dev.homestak.core.ConfigEnvironment;
import dev.homestak.core.ConfigFailure;
import dev.homestak.core.SiteConfig;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The {@code --site-config PATH} option shared by every command that reads the site-config. */
final class SiteConfigOption {

    @Option(
            names = "--site-config",
            paramLabel = "PATH",
            description =
                    "Site-config directory (default: $HOMESTAK_SITE_CONFIG, ../site-config, /opt/homestak/site-config).")
    @Nullable
    Path siteConfig;

    /** Loads the site-config from the given path, or discovers it the way the original does. */
    Either<ConfigFailure, SiteConfig> load(ConfigEnvironment env) {
        return Optional.ofNullable(siteConfig)
                .map(p -> SiteConfig.load(env.workingDir().resolve(p), env))
                .orElseGet(() -> SiteConfig.discover(env));
    }

    /** True when {@code --site-config} was given. */
    boolean given() {
        return siteConfig != null;
    }
}
