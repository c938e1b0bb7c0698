package dev.homestak.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName(
        "Site-config discovery: $HOMESTAK_SITE_CONFIG, then ../site-config, then ../config, then /opt/homestak/site-config")
class SiteConfigDiscoveryTest {

    @TempDir
    Path tmp;

    private ConfigEnvironment env(Map<String, String> vars) throws IOException {
        Path work = Files.createDirectories(tmp.resolve("homestak"));
        return new ConfigEnvironment(vars, work, tmp.resolve("home"), tmp.resolve("opt/homestak/site-config"));
    }

    @Nested
    @DisplayName("when HOMESTAK_SITE_CONFIG is set")
    class Variable {
        @Test
        @DisplayName("it wins over the sibling and the system directory")
        void wins() throws IOException {
            Path explicit = Files.createDirectories(tmp.resolve("elsewhere/config"));
            Files.createDirectories(tmp.resolve("site-config"));
            assertThat(SiteConfig.locate(env(Map.of("HOMESTAK_SITE_CONFIG", explicit.toString()))))
                    .containsExactly(explicit);
        }

        @Test
        @DisplayName("and names a missing directory, that is an error even if a sibling exists")
        void missing() throws IOException {
            Files.createDirectories(tmp.resolve("site-config"));
            ConfigFailure failure = SiteConfig.locate(env(Map.of("HOMESTAK_SITE_CONFIG", "/nowhere/sc")))
                    .swap()
                    .get();
            assertThat(failure.message())
                    .isEqualTo(
                            "site-config not found (searched HOMESTAK_SITE_CONFIG=/nowhere/sc): that directory does not exist; "
                                    + "fix or unset HOMESTAK_SITE_CONFIG");
        }
    }

    @Test
    @DisplayName("without the variable, ../site-config next to the working directory is used")
    void sibling() throws IOException {
        Path sibling = Files.createDirectories(tmp.resolve("site-config"));
        Files.createDirectories(tmp.resolve("opt/homestak/site-config"));
        assertThat(SiteConfig.locate(env(Map.of()))).containsExactly(sibling);
    }

    @Test
    @DisplayName("without ../site-config, upstream's renamed sibling ../config is used before the system directory")
    void renamedSibling() throws IOException {
        Path renamed = Files.createDirectories(tmp.resolve("config"));
        Files.createDirectories(tmp.resolve("opt/homestak/site-config"));
        assertThat(SiteConfig.locate(env(Map.of()))).containsExactly(renamed);
    }

    @Test
    @DisplayName("with both siblings, ../site-config wins (the seed layout's place)")
    void seedSiblingFirst() throws IOException {
        Path sibling = Files.createDirectories(tmp.resolve("site-config"));
        Files.createDirectories(tmp.resolve("config"));
        assertThat(SiteConfig.locate(env(Map.of()))).containsExactly(sibling);
    }

    @Test
    @DisplayName("without variable and sibling, the system directory is used")
    void system() throws IOException {
        Path opt = Files.createDirectories(tmp.resolve("opt/homestak/site-config"));
        assertThat(SiteConfig.locate(env(Map.of()))).containsExactly(opt);
    }

    @Test
    @DisplayName("nothing found: one line naming all four places and what to do")
    void notFound() throws IOException {
        ConfigFailure failure = SiteConfig.locate(env(Map.of())).swap().get();
        assertThat(failure.message())
                .isEqualTo("site-config not found (searched $HOMESTAK_SITE_CONFIG (not set), "
                        + tmp.resolve("site-config") + ", " + tmp.resolve("config") + ", "
                        + tmp.resolve("opt/homestak/site-config")
                        + "): set HOMESTAK_SITE_CONFIG or clone site-config next to homestak");
    }

    @Test
    @DisplayName("discover() locates and loads in one step")
    void discoverLoads() throws IOException {
        ConfigEnvironment env = env(Map.of(
                "HOMESTAK_SITE_CONFIG", Fixtures.siteConfig().toAbsolutePath().toString()));
        assertThat(SiteConfig.discover(env).map(SiteConfig::hostNames).get()).contains("pve");
    }

    @Test
    @DisplayName("loading an explicit path that does not exist names that path")
    void explicitMissing() {
        Path missing = tmp.resolve("no-such-site");
        assertThat(SiteConfig.load(missing, Fixtures.isolated(tmp)).swap().get().message())
                .startsWith("site-config not found (searched " + missing + "): ");
    }

    @Test
    @DisplayName("the environment's toString shows variable names, never their values")
    void environmentToString() throws IOException {
        assertThat(env(Map.of("SOPS_AGE_KEY", "AGE-SECRET-KEY-1XYZ")).toString())
                .contains("SOPS_AGE_KEY")
                .doesNotContain("AGE-SECRET-KEY");
    }
}
