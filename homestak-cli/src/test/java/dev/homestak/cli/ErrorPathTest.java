package dev.homestak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("every user error is one line on stderr saying what to do, exit 2, no stack trace, nothing run")
class ErrorPathTest {

    static final String SITE = ConfigCommandTest.SITE;

    /** One line, prefixed, no exception text, nothing on stdout. */
    static void assertOneLineError(CliRun run, String... fragments) {
        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("homestak: ")
                .endsWith("\n")
                .contains(fragments)
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(run.err().strip()).doesNotContain("\n");
        assertThat(run.out()).isEmpty();
    }

    @Nested
    @DisplayName("scenario and phases")
    class ScenarioErrors {

        @Test
        @DisplayName("unknown scenario: the original's message with the available names")
        void unknownScenario() {
            assertOneLineError(
                    CliRun.of("--scenario", "simple-vm-rountrip", "--host", "sim"),
                    "Unknown scenario: simple-vm-rountrip. Available: bootstrap-install, cli-fail, cli-hello");
        }

        @Test
        @DisplayName(
                "unknown phase in --skip: names the phase and lists the valid ones (checked before the host is touched)")
        void unknownSkip() {
            assertOneLineError(
                    CliRun.of("-S", "cli-vm-roundtrip", "-H", "sim", "--skip", "hold", "-s", "strat"),
                    "Unknown phase 'strat' for scenario cli-vm-roundtrip. Valid phases: create, hold, destroy");
        }
    }

    @Nested
    @DisplayName("option values")
    class OptionValues {

        @Test
        @DisplayName("--vm-id without '=': Expected NAME=VMID")
        void vmIdNoEquals() {
            assertOneLineError(
                    CliRun.of("-S", "cli-hello", "--vm-id", "test99950"), "--vm-id", "Expected NAME=VMID", "test99950");
        }

        @Test
        @DisplayName("--vm-id with an empty name or a non-number id")
        void vmIdBadParts() {
            assertOneLineError(CliRun.of("-S", "cli-hello", "--vm-id", "=99950"), "Expected NAME=VMID");
            assertOneLineError(
                    CliRun.of("-S", "cli-hello", "--vm-id", "test=abc"), "VMID must be a whole number", "abc");
            assertOneLineError(CliRun.of("-S", "cli-hello", "--vm-id", "test=5"), "VMID must be a whole number");
        }

        @Test
        @DisplayName("--timeout that is not a positive number of seconds")
        void timeout() {
            assertOneLineError(
                    CliRun.of("-S", "cli-hello", "--timeout", "soon"), "expected seconds greater than 0", "soon");
            assertOneLineError(CliRun.of("-S", "cli-hello", "-t", "0"), "expected seconds greater than 0");
        }

        @Test
        @DisplayName("--cleanup outside always|on-success|on-failure|never")
        void cleanup() {
            assertOneLineError(
                    CliRun.of("-S", "cli-hello", "--cleanup", "sometimes"),
                    "expected one of always, on-success, on-failure, never",
                    "sometimes");
        }

        @Test
        @DisplayName("an unknown option")
        void unknownOption() {
            assertOneLineError(CliRun.of("--scenari", "cli-hello"), "Unknown option", "--scenari", "--help");
        }
    }

    @Nested
    @DisplayName("host and site-config")
    class HostErrors {

        @Test
        @DisplayName("unknown host: lists the site-config's hosts and the built-in sim")
        void unknownHost() {
            assertOneLineError(
                    CliRun.of("-S", "cli-vm-roundtrip", "-H", "nope", "--site-config", SITE),
                    "unknown host 'nope'",
                    "mother, nested-pve, pve, sim",
                    "--host sim");
        }

        @Test
        @DisplayName("a scenario that needs a host, without --host: says so and lists the hosts")
        void hostRequired() {
            assertOneLineError(
                    CliRun.of("-S", "cli-vm-roundtrip", "--site-config", SITE),
                    "scenario cli-vm-roundtrip needs a host: add --host HOST",
                    "pve, sim");
        }

        @Test
        @DisplayName("site-config not found: where it looked and what to do (set HOMESTAK_SITE_CONFIG or clone it)")
        void siteConfigNotFound(@TempDir Path dir) {
            CliRun run = CliRun.with().workingDir(dir).run("-S", "cli-vm-roundtrip", "-H", "pve");

            assertOneLineError(
                    run,
                    "site-config not found",
                    "set HOMESTAK_SITE_CONFIG or clone site-config next to homestak",
                    "--host sim");
        }

        @Test
        @DisplayName("HOMESTAK_SITE_CONFIG naming a missing directory: names the variable")
        void variableWrong(@TempDir Path dir) {
            CliRun run = CliRun.with()
                    .env("HOMESTAK_SITE_CONFIG", dir.resolve("gone").toString())
                    .run("-S", "cli-vm-roundtrip", "-H", "pve");

            assertOneLineError(run, "HOMESTAK_SITE_CONFIG", "gone");
        }

        @Test
        @DisplayName("secrets still SOPS-encrypted and no age key: names secrets.yaml and where keys are looked for")
        void encryptedWithoutKey(@TempDir Path dir) throws IOException {
            Path site = copy(Path.of(SITE), dir.resolve("site-config"));
            Files.copy(
                    ConfigCommandTest.SHARED.resolve("fixtures/sops/secret.age.yaml"),
                    site.resolve("secrets.yaml"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            CliRun run = CliRun.with().run("-S", "cli-vm-roundtrip", "-H", "pve", "--site-config", site.toString());

            assertOneLineError(run, "secrets.yaml", "cannot decrypt", "SOPS_AGE_KEY_FILE");
        }

        @Test
        @DisplayName("unknown --env: lists the site's envs")
        void unknownEnv() {
            assertOneLineError(
                    CliRun.of("-S", "cli-vm-roundtrip", "-H", "sim", "-E", "prod"),
                    "unknown env 'prod'",
                    "available: nested-pve, test");
        }
    }

    @Nested
    @DisplayName("context file")
    class ContextFile {

        @Test
        @DisplayName("a context file that is not a JSON object: names the file and position, and what to do")
        void invalidJson(@TempDir Path dir) throws IOException {
            Path file = Files.writeString(dir.resolve("ctx.json"), "{\"inner_ip\": ");

            CliRun run = CliRun.of(
                    "-S",
                    "cli-hello",
                    "-C",
                    file.toString(),
                    "-r",
                    dir.resolve("r").toString());

            assertOneLineError(run, "Context file", "ctx.json", "fix or delete it");
            assertThat(dir.resolve("r")).doesNotExist();
        }

        @Test
        @DisplayName("a context file that cannot be read (a directory): names it")
        void unreadable(@TempDir Path dir) throws IOException {
            Path file = Files.createDirectory(dir.resolve("ctx.json"));

            assertOneLineError(
                    CliRun.of(
                            "-S",
                            "cli-hello",
                            "-C",
                            file.toString(),
                            "-r",
                            dir.resolve("r").toString()),
                    "Context file",
                    "ctx.json");
        }
    }

    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
