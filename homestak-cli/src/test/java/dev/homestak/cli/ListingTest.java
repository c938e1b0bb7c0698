package dev.homestak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("listing scenarios and phases (no host, no site-config needed)")
class ListingTest {

    static String golden(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/golden", name));
    }

    @Nested
    @DisplayName("--list-scenarios")
    class Scenarios {

        @Test
        @DisplayName(
                "prints every registered scenario in the original's v0.9 format (name, ~runtime, description) and exits 0")
        void golden() throws IOException {
            CliRun run = CliRun.of("--list-scenarios", "-S", "cli-hello");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).isEqualTo(ListingTest.golden("list-scenarios.txt"));
            assertThat(run.err()).isEmpty();
        }

        @Test
        @DisplayName(
                "without --scenario (or without any option), the list ends with the usage hint, as in the original")
        void noArguments() throws IOException {
            String expected =
                    ListingTest.golden("list-scenarios.txt") + "\nUsage: homestak --scenario <name> [--host <host>]\n";

            assertThat(CliRun.of().out()).isEqualTo(expected);
            assertThat(CliRun.of("--list-scenarios").out()).isEqualTo(expected);
        }

        @Test
        @DisplayName("works with an unknown host and no site-config: nothing but the registry is read")
        void needsNoHost() {
            CliRun run =
                    CliRun.with().env("HOMESTAK_SITE_CONFIG", "/nonexistent").run("--list-scenarios", "--host", "nope");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).startsWith("Available scenarios:");
        }

        @Test
        @DisplayName("runtimes: whole minutes from 60 s on (rounded down), seconds below")
        void runtimes() {
            assertThat(Listings.runtime(Duration.ofSeconds(59))).isEqualTo("~59s");
            assertThat(Listings.runtime(Duration.ofSeconds(60))).isEqualTo("~1m");
            assertThat(Listings.runtime(Duration.ofSeconds(539))).isEqualTo("~8m");
        }
    }

    @Nested
    @DisplayName("--list-phases")
    class Phases {

        @Test
        @DisplayName("prints 'Phases for scenario' and one '  phase: description' line per phase, exit 0")
        void golden() throws IOException {
            CliRun run = CliRun.of("--scenario", "cli-vm-roundtrip", "--list-phases");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).isEqualTo(ListingTest.golden("list-phases-cli-vm-roundtrip.txt"));
        }

        @Test
        @DisplayName("the built-in simple-vm-roundtrip: the original's six phases in order")
        void builtIn() throws IOException {
            CliRun run = CliRun.of("--scenario", "simple-vm-roundtrip", "--list-phases");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).isEqualTo(ListingTest.golden("list-phases-simple-vm-roundtrip.txt"));
        }

        @Test
        @DisplayName("short form -S works, and no host is needed")
        void shortForm() {
            CliRun run = CliRun.of("-S", "cli-hello", "--list-phases");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out())
                    .isEqualTo("Phases for scenario 'cli-hello':\n  greet: Say hello\n  check: Check the greeting\n");
        }

        @Test
        @DisplayName("an unknown scenario is the original's one-line error listing the available ones, exit 2")
        void unknownScenario() {
            CliRun run = CliRun.of("-S", "nope", "--list-phases");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err())
                    .isEqualTo("homestak: Unknown scenario: nope. Available: bootstrap-install, cli-fail, "
                            + "cli-hello, cli-lose-context, cli-vm-constructor, cli-vm-destructor, cli-vm-roundtrip, nested-pve-constructor, "
                            + "nested-pve-destructor, nested-pve-roundtrip, pve-configure, simple-vm-constructor, "
                            + "simple-vm-destructor, simple-vm-roundtrip\n");
            assertThat(run.out()).isEmpty();
        }
    }
}
