package dev.homestak.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.core.Facts;
import dev.homestak.core.Secret;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("ScenarioRunner: dry-run, context file, report files, secrets")
class RunFilesTest {

    static final String TOKEN = "root@pam!homestak=0b5e1f7a-4c2d-4e8f-9a31-7d6c5b4a3f21";

    @TempDir
    Path dir;

    final TestActions actions = new TestActions();

    Path reports() {
        return dir.resolve("reports");
    }

    ScenarioRunner runner(RunListener... listeners) {
        ScenarioRunner.Builder b =
                ScenarioRunner.builder().host("pve").reportDir(reports()).redact(List.of(Secret.of(TOKEN)));
        for (RunListener l : listeners) {
            b.listener(l);
        }
        return b.build();
    }

    Scenario scenario() {
        return Scenario.roundtrip(
                "simple",
                "d",
                Scenario.of(
                        "c",
                        "d",
                        List.of(
                                Phase.of("provision", "Provision test VM", actions.echoFact("provision", "inner_ip")),
                                Phase.of(
                                        "start",
                                        "Start test VM",
                                        actions.pass("start", Facts.empty().with(Facts.VM_IP, "10.1.1.1"))))),
                Scenario.of("d", "d", List.of(Phase.of("destroy", "Destroy test VM", actions.pass("destroy")))));
    }

    List<String> files(Path d) throws IOException {
        if (!Files.exists(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Nested
    @DisplayName("dry-run")
    class DryRun {
        @Test
        @DisplayName("runs no action, writes no file, and reports each phase with its action")
        void touchesNothing() throws IOException {
            Path context = dir.resolve("ctx.json");
            RunReport report = runner().run(
                            scenario(),
                            RunOptions.builder()
                                    .dryRun(true)
                                    .contextFile(context)
                                    .skip("start")
                                    .build())
                    .get();
            assertThat(actions.ran).isEmpty();
            assertThat(files(reports())).isEmpty();
            assertThat(context).doesNotExist();
            assertThat(report.phases()).allMatch(p -> p.status() == PhaseStatus.SKIPPED);
            assertThat(report.phase("provision").orElseThrow().message()).startsWith("dry-run: would run");
        }

        @Test
        @DisplayName("preview prints [ OK ] / [SKIP] per phase with its action, and the summary")
        void preview() {
            String text = runner().preview(
                            scenario(), RunOptions.builder().skip("start").build())
                    .get();
            assertThat(text)
                    .contains(
                            "DRY-RUN: simple",
                            "Host: pve",
                            "[ OK ] provision: Provision test VM",
                            "[SKIP] start: Start test VM",
                            "       Action: ",
                            "2 phases to execute, 1 to skip",
                            "Cleanup: always (destroy)",
                            "Mode: DRY-RUN (no changes made)");
            assertThat(actions.ran).isEmpty();
        }
    }

    @Nested
    @DisplayName("context file")
    class ContextFile {
        @Test
        @DisplayName("is read before the run (explicit facts win) and written after it, pass or fail")
        void readAndWritten() throws IOException {
            Path context = dir.resolve("ctx.json");
            Files.writeString(context, "{\"inner_ip\": \"10.9.9.9\", \"vm_ip\": \"old\", \"test_vm_id\": 99901}");
            RunReport report = runner().run(
                            scenario(),
                            RunOptions.builder()
                                    .contextFile(context)
                                    .initialFacts(Facts.empty().with(Facts.INNER_IP, "10.8.8.8"))
                                    .build())
                    .get();
            assertThat(report.phase("provision").orElseThrow().message()).isEqualTo("inner_ip=10.8.8.8");
            String written = Files.readString(context);
            assertThat(written)
                    .startsWith(
                            "{\n  \"inner_ip\": \"10.8.8.8\",\n  \"vm_ip\": \"10.1.1.1\",\n  \"test_vm_id\": 99901,")
                    .contains("\"run_id\": \"" + report.runId() + "\"");
            assertThat(report.files()).contains(context);
        }

        @Test
        @DisplayName("is written after a failed run too")
        void writtenOnFailure() {
            Path context = dir.resolve("ctx.json");
            Scenario failing = Scenario.of("f", "d", List.of(Phase.of("a", "A", actions.fail("a", "nope"))));
            RunReport report = runner().run(
                            failing, RunOptions.builder().contextFile(context).build())
                    .get();
            assertThat(report.outcome()).isEqualTo(RunOutcome.FAILED);
            assertThat(context).content().contains("\"run_id\"");
        }

        @Test
        @DisplayName("invalid JSON refuses the run with file, line and column; nothing runs")
        void invalid() throws IOException {
            Path context = dir.resolve("ctx.json");
            Files.writeString(context, "{\n  \"inner_ip\": 10.0.0.1.2\n}");
            Either<RunFailure, RunReport> r = runner().run(
                            scenario(),
                            RunOptions.builder().contextFile(context).build());
            assertThat(r.getLeft().message())
                    .startsWith("Context file " + context + ": invalid JSON at line 2")
                    .doesNotContain("\n");
            assertThat(actions.ran).isEmpty();
        }
    }

    @Nested
    @DisplayName("report files")
    class Reports {
        @Test
        @DisplayName("JSON, Markdown and JUnit XML are written for passed and failed runs")
        void written() throws IOException {
            RunReport passed = runner().run(scenario(), RunOptions.defaults()).get();
            assertThat(passed.files()).hasSize(3);
            assertThat(files(reports())).allMatch(n -> n.matches("\\d{8}-\\d{6}\\.passed\\.(json|md|junit\\.xml)"));
            Scenario failing = Scenario.of("f", "d", List.of(Phase.of("a", "A", actions.fail("a", "nope"))));
            RunReport failed = runner().run(failing, RunOptions.defaults()).get();
            assertThat(failed.files()).allMatch(p -> p.getFileName().toString().contains(".failed."));
        }

        @Test
        @DisplayName("an unwritable report directory is found before the first phase: NotReady, nothing run")
        void unwritable() throws IOException {
            Files.writeString(reports(), "a file, not a directory");
            List<String> ran = new ArrayList<>();
            Scenario watched = Scenario.of("w", "d", List.of(Phase.of("a", "A", ctx -> {
                ran.add("a");
                return Either.right(dev.homestak.actions.ActionResult.of("ran"));
            })));
            RunFailure refused = runner().run(watched, RunOptions.defaults()).getLeft();
            assertThat(refused).isInstanceOf(RunFailure.NotReady.class);
            assertThat(refused.message())
                    .startsWith("report directory " + reports())
                    .endsWith(": nothing was run");
            assertThat(ran).isEmpty();
        }

        @Test
        @DisplayName("two runs at once on one runner both complete with their own ids and files")
        void concurrentRuns() throws Exception {
            ScenarioRunner r = runner();
            CompletableFuture<RunReport> a = CompletableFuture.supplyAsync(
                    () -> r.run(scenario(), RunOptions.defaults()).get());
            CompletableFuture<RunReport> b = CompletableFuture.supplyAsync(
                    () -> r.run(scenario(), RunOptions.defaults()).get());
            assertThat(a.get().runId()).isNotEqualTo(b.get().runId());
            assertThat(files(reports())).hasSize(6);
        }
    }

    @Nested
    @DisplayName("secrets")
    class Secrets {
        @Test
        @DisplayName("no secret value reaches a report, an event or the context file, even when a tool prints it")
        void neverLeak() throws IOException {
            Path context = dir.resolve("ctx.json");
            List<String> lines = new ArrayList<>();
            StringWriter stream = new StringWriter();
            Scenario leaky = Scenario.of(
                    "leaky",
                    "d",
                    List.of(
                            Phase.of("token", "Create token", ctx -> {
                                ctx.progress("created " + TOKEN);
                                ctx.output(dev.homestak.actions.StreamKind.STDOUT, "{\"value\": \"" + TOKEN + "\"}");
                                return Either.right(dev.homestak.actions.ActionResult.of(
                                        "token " + TOKEN,
                                        Facts.empty().with(dev.homestak.core.Key.string("api_token"), TOKEN)));
                            }),
                            Phase.of("fail", "Fail", actions.fail("fail", "auth failed for " + TOKEN))));
            RunReport report = runner(e -> lines.add(e.toJsonLine()), JsonLinesListener.to(stream))
                    .run(leaky, RunOptions.builder().contextFile(context).build())
                    .get();
            assertThat(report.files()).hasSize(4);
            for (Path f : report.files()) {
                assertThat(Files.readString(f))
                        .as(f.toString())
                        .doesNotContain(TOKEN)
                        .contains("***");
            }
            assertThat(lines).isNotEmpty().noneMatch(l -> l.contains(TOKEN));
            assertThat(stream.toString()).doesNotContain(TOKEN).contains("\"v\":1");
            assertThat(report.phases()).noneMatch(p -> p.message().contains(TOKEN));
        }
    }
}
