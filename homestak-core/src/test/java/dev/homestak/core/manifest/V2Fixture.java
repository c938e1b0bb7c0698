package dev.homestak.core.manifest;

import dev.homestak.core.ConfigEnvironment;
import dev.homestak.core.SiteConfig;
import java.nio.file.Path;
import java.util.Map;

/** The shared v2 site-config fixture (upstream's layout of today: manifests, presets, specs, postures). */
final class V2Fixture {

    private V2Fixture() {}

    static Path root() {
        return Path.of(System.getProperty("homestak.shared", "../../shared")).resolve("fixtures/site-config-v2");
    }

    /** The fixture, loaded with an environment that finds no age key. */
    static SiteConfig site(Path tmp) {
        return SiteConfig.load(root(), new ConfigEnvironment(Map.of(), tmp, tmp, tmp))
                .get();
    }
}
