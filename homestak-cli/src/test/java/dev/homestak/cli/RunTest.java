package dev.homestak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("running a scenario (host-less test scenarios)")
class RunTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String STAMP = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\[(INFO|ERROR|DEBUG)\\] .*";

    @TempDir
    Path dir;

    List<Path> reports() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("reports"))) {
            return files.sorted().toList();
        }
    }

    @Nested
    @DisplayName("outcome and exit code")
    class Outcomes {

        @Test
        @DisplayName(
                "a passing scenario exits 0, writes JSON, Markdown and JUnit reports into --report-dir and lists them")
        void passes() throws IOException {
            CliRun run =
                    CliRun.of("-S", "cli-hello", "-r", dir.resolve("reports").toString());

            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(reports())
                    .extracting(p -> p.getFileName().toString())
                    .anyMatch(n -> n.endsWith(".passed.json"))
                    .anyMatch(n -> n.endsWith(".passed.md"))
                    .anyMatch(n -> n.endsWith(".passed.junit.xml"));
            assertThat(run.out())
                    .contains("PASSED in ", "Written:", dir.resolve("reports").toString());
        }

        @Test
        @DisplayName("a failing scenario exits 1; the summary names the failed phase and lists the unreached one")
        void fails() throws IOException {
            CliRun run =
                    CliRun.of("-S", "cli-fail", "-r", dir.resolve("reports").toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out())
                    .contains("FAILED in ", "phase boom (Fail) failed: boom: disk full")
                    .containsPattern("after\\s+not run");
            assertThat(reports()).extracting(p -> p.getFileName().toString()).anyMatch(n -> n.endsWith(".failed.json"));
        }

        @Test
        @DisplayName("--skip: the phase is skipped and reported as such")
        void skip() {
            CliRun run = CliRun.of(
                    "-S",
                    "cli-hello",
                    "--skip",
                    "check",
                    "-r",
                    dir.resolve("reports").toString());

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("Skipping phase: check").containsPattern("check\\s+skipped");
        }

        @Test
        @DisplayName("--dry-run prints the preview, runs nothing and writes no report")
        void dryRun() {
            CliRun run = CliRun.of(
                    "-S",
                    "cli-hello",
                    "--dry-run",
                    "-s",
                    "check",
                    "-r",
                    dir.resolve("reports").toString());

            assertThat(run.exitCode()).isZero();
            assertThat(run.out())
                    .contains(
                            "DRY-RUN: cli-hello",
                            "[ OK ] greet: Say hello",
                            "[SKIP] check",
                            "Mode: DRY-RUN (no changes made)")
                    .doesNotContain("hello from the test scenario");
            assertThat(dir.resolve("reports")).doesNotExist();
        }
    }

    @Nested
    @DisplayName("output for CI and pipes (not a terminal)")
    class Plain {

        @Test
        @DisplayName(
                "plain timestamped lines in the original's log format, with the action's progress, no control codes")
        void timestamped() {
            CliRun run =
                    CliRun.of("-S", "cli-hello", "-r", dir.resolve("reports").toString());

            List<String> log = run.out().lines().takeWhile(l -> !l.isEmpty()).toList();
            assertThat(log).allMatch(l -> l.matches(STAMP));
            assertThat(run.out())
                    .contains(
                            "[INFO] Starting scenario 'cli-hello' on host: local",
                            "[INFO] Running phase: greet - Say hello",
                            "[INFO]   greet: hello from the test scenario",
                            "[INFO] Phase greet passed: said hello")
                    .doesNotContain("\u001B")
                    .doesNotContain("\r");
        }

        @Test
        @DisplayName("a failed phase is an [ERROR] line")
        void errorLine() {
            CliRun run =
                    CliRun.of("-S", "cli-fail", "-r", dir.resolve("reports").toString());

            assertThat(run.out()).containsPattern("\\[ERROR\\] Phase boom failed: boom: disk full");
        }
    }

    @Nested
    @DisplayName("on a terminal")
    class Live {

        @Test
        @DisplayName(
                "one live line per phase, redrawn with carriage returns and a spinner, then replaced by its result")
        void liveLines() {
            CliRun run = CliRun.with()
                    .tty(true)
                    .run("-S", "cli-hello", "-r", dir.resolve("reports").toString());

            assertThat(run.exitCode()).isZero();
            assertThat(run.out())
                    .contains("\r⠋ greet  ")
                    .contains("greet  said hello")
                    .contains("check  greeting checked")
                    .contains("\u001B[32m✓\u001B[0m");
        }

        @Test
        @DisplayName("NO_COLOR (colour off): not a single escape code, the marks are plain")
        void noColor() {
            CliRun run = CliRun.with()
                    .tty(false)
                    .run("-S", "cli-fail", "-r", dir.resolve("reports").toString());

            assertThat(run.out())
                    .doesNotContain("\u001B")
                    .contains("✓ ok  fine")
                    .contains("✗ boom  boom: disk full");
        }

        @Test
        @DisplayName("Terminal.system honours NO_COLOR and TERM=dumb")
        void noColorVariable() {
            assertThat(Terminal.system(java.util.Map.of("NO_COLOR", "1")).color())
                    .isFalse();
            assertThat(Terminal.system(java.util.Map.of("TERM", "dumb")).color())
                    .isFalse();
            assertThat(Terminal.system(java.util.Map.of("TERM", "xterm")).color())
                    .isTrue();
        }
    }

    @Nested
    @DisplayName("--json-output")
    class JsonOutput {

        @Test
        @DisplayName("stdout is JSON Lines only: the versioned events, then the result object in the original's shape")
        void jsonLines() throws IOException {
            CliRun run = CliRun.of(
                    "-S",
                    "cli-fail",
                    "--json-output",
                    "-r",
                    dir.resolve("reports").toString());

            List<JsonNode> lines = run.out().lines().map(RunTest::parse).toList();
            assertThat(lines)
                    .first()
                    .satisfies(e -> assertThat(e.get("type").asText()).isEqualTo("run_started"));
            assertThat(lines.subList(0, lines.size() - 1))
                    .allMatch(e -> e.get("v").asInt() == 1);
            assertThat(lines)
                    .extracting(e -> e.get("type").asText())
                    .contains("phase_started", "phase_passed", "phase_failed", "run_finished");
            JsonNode result = lines.getLast();
            assertThat(result.get("type").asText()).isEqualTo("result");
            assertThat(result.get("scenario").asText()).isEqualTo("cli-fail");
            assertThat(result.get("success").asBoolean()).isFalse();
            assertThat(result.get("exit_code").asInt()).isEqualTo(1);
            assertThat(result.get("duration_seconds").isNumber()).isTrue();
            assertThat(result.get("error").asText()).contains("boom: disk full");
            assertThat(result.get("phases").get(1).get("status").asText()).isEqualTo("failed");
            assertThat(result.get("context").get("run_id").asText())
                    .isEqualTo(result.get("run_id").asText());
            assertThat(result.get("reports")).hasSize(3);
            assertThat(run.exitCode()).isEqualTo(1);
        }

        @Test
        @DisplayName("human logs and the summary go to stderr")
        void humanOnStderr() {
            CliRun run = CliRun.of(
                    "-S",
                    "cli-hello",
                    "--json-output",
                    "-r",
                    dir.resolve("reports").toString());

            assertThat(run.err()).contains("Running phase: greet", "PASSED in ");
            assertThat(run.out()).doesNotContain("Running phase");
        }
    }

    @Nested
    @DisplayName("facts from flags and the context file")
    class Facts {

        @Test
        @DisplayName(
                "--inner-ip, --vm-ip, --remote, --homestak-user, --local and --vm-id reach the run's facts (written to -C)")
        void factsInContextFile() throws IOException {
            Path ctx = dir.resolve("ctx.json");
            CliRun run = CliRun.of(
                    "-S",
                    "cli-hello",
                    "-C",
                    ctx.toString(),
                    "--inner-ip",
                    "10.0.12.5",
                    "--vm-ip",
                    "10.0.12.6",
                    "--remote",
                    "10.0.12.7",
                    "--homestak-user",
                    "ops",
                    "--local",
                    "--vm-id",
                    "test=99950",
                    "--vm-id",
                    "web=99951",
                    "-r",
                    dir.resolve("reports").toString());

            assertThat(run.exitCode()).as(run.all()).isZero();
            JsonNode facts = JSON.readTree(ctx.toFile());
            assertThat(facts.get("inner_ip").asText()).isEqualTo("10.0.12.5");
            assertThat(facts.get("vm_ip").asText()).isEqualTo("10.0.12.6");
            assertThat(facts.get("remote_ip").asText()).isEqualTo("10.0.12.7");
            assertThat(facts.get("homestak_user").asText()).isEqualTo("ops");
            assertThat(facts.get("local_mode").asBoolean()).isTrue();
            assertThat(facts.get("vm_id_overrides").get("test").asInt()).isEqualTo(99950);
            assertThat(facts.get("vm_id_overrides").get("web").asInt()).isEqualTo(99951);
        }

        @Test
        @DisplayName("an existing context file is read before the run: its facts are in the result")
        void contextRead() throws IOException {
            Path ctx = Files.writeString(dir.resolve("ctx.json"), "{\"inner_ip\": \"10.9.9.9\"}");

            CliRun run = CliRun.of(
                    "-S",
                    "cli-hello",
                    "-C",
                    ctx.toString(),
                    "--json-output",
                    "-r",
                    dir.resolve("r").toString());

            assertThat(parse(run.out().lines().toList().getLast())
                            .get("context")
                            .get("inner_ip")
                            .asText())
                    .isEqualTo("10.9.9.9");
        }

        @Test
        @DisplayName(
                "a context file that cannot be written at the end loses no fact: they go to <report-dir>/<stamp>.context.json, the CLI says where, exit 4")
        void contextFileLostAtTheEnd() throws IOException {
            Path doomed = Files.createDirectories(dir.resolve("ctx"));
            Path ctx = Files.writeString(doomed.resolve("ctx.json"), "{\"doomed_dir\": \"" + doomed + "\"}");
            Path reports = dir.resolve("reports");

            CliRun run = CliRun.of(
                    "-S", "cli-lose-context", "-C", ctx.toString(), "-r", reports.toString(), "--json-output");

            assertThat(run.exitCode()).as(run.all()).isEqualTo(4);
            Path saved;
            try (var files = Files.list(reports)) {
                saved = files.filter(f -> f.getFileName().toString().matches("\\d{8}-\\d{6}\\.context\\.json"))
                        .findFirst()
                        .orElseThrow();
            }
            assertThat(run.err())
                    .contains("homestak: the context file " + ctx + " could not be written; the run's facts are in "
                            + saved);
            JsonNode facts = JSON.readTree(saved.toFile());
            assertThat(facts.get("made_vm").asInt()).isEqualTo(4242);
            assertThat(facts.get("doomed_dir").asText()).isEqualTo(doomed.toString());
            JsonNode result = parse(run.out().lines().toList().getLast());
            assertThat(result.get("exit_code").asInt()).isEqualTo(4);
            assertThat(result.get("reports").toString()).contains(saved.toString());
        }
    }

    @Test
    @DisplayName("--version prints the version; --help lists every flag and the exit codes")
    void versionAndHelp() {
        assertThat(CliRun.of("--version").out()).startsWith("homestak ");
        CliRun help = CliRun.of("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out())
                .contains(
                        "--scenario",
                        "-S",
                        "--host",
                        "-H",
                        "--env",
                        "-E",
                        "--skip",
                        "-s",
                        "--list-scenarios",
                        "--list-phases",
                        "--verbose",
                        "--report-dir",
                        "-r",
                        "--inner-ip",
                        "--local",
                        "--remote",
                        "--vm-ip",
                        "--homestak-user",
                        "--context-file",
                        "-C",
                        "--timeout",
                        "-t",
                        "--dry-run",
                        "--yes",
                        "-y",
                        "--vm-id",
                        "--json-output",
                        "--cleanup",
                        "--preflight",
                        "--skip-preflight",
                        "--site-config",
                        "--sim-profile",
                        "sim",
                        "config",
                        "cleanup",
                        "completion",
                        "130",
                        "143",
                        "129");
    }

    static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
