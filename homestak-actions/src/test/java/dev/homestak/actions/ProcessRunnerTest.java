package dev.homestak.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("ProcessRunner.system() with real processes")
class ProcessRunnerTest {

    @TempDir
    Path dir;

    private final RecordingSink sink = new RecordingSink();
    private final ActionContext ctx = ActionContext.builder().events(sink).build();

    private static ProcessCommand sh(String script, Duration timeout, Duration grace) {
        return ProcessCommand.builder(List.of("sh", "-c", script))
                .timeout(timeout)
                .grace(grace)
                .build();
    }

    private List<String> lines(String file) throws IOException {
        Path p = dir.resolve(file);
        return Files.exists(p) ? Files.readAllLines(p) : List.of();
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Nested
    @DisplayName("a command that exits")
    class Exits {

        @Test
        @DisplayName("streams stdout and stderr lines as events and keeps exit code, duration and tails")
        void streams() {
            ProcessResult r = ctx.run(sh(
                            "echo one; echo two; echo oops >&2; exit 3", Duration.ofSeconds(30), Duration.ofSeconds(1)))
                    .get();
            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.succeeded()).isFalse();
            assertThat(r.stdoutTail()).containsExactly("one", "two");
            assertThat(r.stderrTail()).containsExactly("oops");
            assertThat(r.tail(200)).isEqualTo("oops");
            assertThat(r.duration()).isPositive();
            assertThat(sink.output(StreamKind.STDOUT)).containsExactly("one", "two");
            assertThat(sink.output(StreamKind.STDERR)).containsExactly("oops");
        }

        @Test
        @DisplayName("keeps only the last 50 lines of a long output")
        void tail() {
            ProcessResult r = ctx.run(sh("seq 1 500", Duration.ofSeconds(30), Duration.ofSeconds(1)))
                    .get();
            assertThat(r.stdoutTail()).hasSize(50).endsWith("500").startsWith("451");
            assertThat(sink.output(StreamKind.STDOUT)).hasSize(500);
        }

        @Test
        @DisplayName("runs in the working directory with the extra environment")
        void directoryAndEnv() {
            ProcessCommand cmd = ProcessCommand.builder(List.of("sh", "-c", "pwd; echo $TF_DATA_DIR"))
                    .directory(dir)
                    .env("TF_DATA_DIR", "/state/data")
                    .build();
            assertThat(ctx.run(cmd).get().stdoutTail()).containsExactly(dir.toString(), "/state/data");
        }

        @Test
        @DisplayName("finds a bare program name on the PATH of the runner's environment, not the JVM's")
        void pathOfChild() throws IOException {
            Path bin = Files.createDirectories(dir.resolve("bin"));
            Path tool = bin.resolve("fake-tool");
            Files.writeString(tool, "#!/bin/sh\necho fake tool ran\n");
            tool.toFile().setExecutable(true);
            ProcessRunner runner = ProcessRunner.system(Map.of("PATH", bin + ":" + System.getenv("PATH")));
            ProcessResult r = runner.run(
                            ProcessCommand.of("fake-tool"), CancellationToken.create(), OutputListener.NONE)
                    .get();
            assertThat(r.stdoutTail()).containsExactly("fake tool ran");
        }

        @Test
        @DisplayName("a command's string form names its environment variables but never shows their values")
        void noEnvValuesInToString() {
            ProcessCommand cmd = ProcessCommand.builder(List.of("tofu", "apply"))
                    .env("TF_VAR_api_token", "s3cr3t-token")
                    .build();
            assertThat(cmd.toString()).contains("TF_VAR_api_token").doesNotContain("s3cr3t-token");
            assertThat(cmd.display()).isEqualTo("tofu apply");
        }

        @Test
        @DisplayName("a program that is not installed is a one-line precondition failure naming it")
        void missingProgram() {
            Either<ActionFailure, ProcessResult> r = ctx.run(ProcessCommand.of("no-such-tool-xyz", "init"));
            assertThat(r.getLeft()).isInstanceOf(ActionFailure.Precondition.class);
            assertThat(r.getLeft().message())
                    .startsWith("'no-such-tool-xyz' not found on PATH")
                    .doesNotContain("\n");
        }
    }

    @Nested
    @DisplayName("stopping a command")
    class Stopping {

        private static final String TRAP_AND_EXIT =
                "trap 'echo INT >> ints; exit 130' INT; echo $$ > pid; echo ready; while :; do sleep 0.05; done";
        private static final String TRAP_AND_IGNORE =
                "trap 'echo INT >> ints' INT; sleep 1000 & echo $! > child; echo $$ > pid; echo ready; while :; do sleep 0.05; done";

        private ProcessCommand inDir(ProcessCommand cmd) {
            return ProcessCommand.builder(cmd.argv())
                    .directory(dir)
                    .timeout(cmd.timeout())
                    .grace(cmd.grace())
                    .build();
        }

        @Test
        @DisplayName("at the deadline sends exactly one SIGINT and reports a timeout")
        void deadline() throws IOException {
            ProcessCommand cmd = inDir(sh(TRAP_AND_EXIT, Duration.ofSeconds(1), Duration.ofSeconds(10)));
            Either<ActionFailure, ProcessResult> r = ctx.run(cmd);
            assertThat(r.getLeft()).isInstanceOf(ActionFailure.Timeout.class);
            assertThat(r.getLeft().message()).isEqualTo("Timeout running 'sh -c' after 1s");
            assertThat(lines("ints")).containsExactly("INT");
            assertThat(alive(Long.parseLong(lines("pid").getFirst()))).isFalse();
        }

        @Test
        @DisplayName("on cancel sends exactly one SIGINT; a process that exits on it is not killed")
        void cancel() throws Exception {
            CancellationToken token = CancellationToken.create();
            CountDownLatch ready = new CountDownLatch(1);
            OutputListener listener = (stream, line) -> {
                if (line.equals("ready")) {
                    ready.countDown();
                }
            };
            Thread canceller = Thread.ofVirtual().start(() -> {
                try {
                    if (ready.await(10, TimeUnit.SECONDS)) {
                        token.cancel("user pressed Ctrl-C");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Either<ActionFailure, ProcessResult> r = ProcessRunner.system()
                    .run(inDir(sh(TRAP_AND_EXIT, Duration.ofMinutes(1), Duration.ofSeconds(10))), token, listener);
            canceller.join();
            assertThat(r.getLeft()).isEqualTo(new ActionFailure.Cancelled("'sh -c'", "user pressed Ctrl-C"));
            assertThat(lines("ints")).containsExactly("INT");
        }

        @Test
        @DisplayName("kills the whole process tree when SIGINT is ignored past the grace period")
        void killsTree() throws Exception {
            CancellationToken token = CancellationToken.create();
            CountDownLatch ready = new CountDownLatch(1);
            OutputListener listener = (stream, line) -> {
                if (line.equals("ready")) {
                    ready.countDown();
                }
            };
            Thread canceller = Thread.ofVirtual().start(() -> {
                try {
                    if (ready.await(10, TimeUnit.SECONDS)) {
                        token.cancel("stop");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Either<ActionFailure, ProcessResult> r = ProcessRunner.system()
                    .run(inDir(sh(TRAP_AND_IGNORE, Duration.ofMinutes(1), Duration.ofMillis(300))), token, listener);
            canceller.join();
            assertThat(r.getLeft()).isInstanceOf(ActionFailure.Cancelled.class);
            assertThat(Await.until(() -> exists("ints"), Duration.ofSeconds(5))).isTrue();
            assertThat(lines("ints")).containsExactly("INT");
            assertThat(alive(Long.parseLong(lines("pid").getFirst()))).isFalse();
            long child = Long.parseLong(lines("child").getFirst());
            assertThat(Await.until(() -> !alive(child), Duration.ofSeconds(5)))
                    .as("child process killed")
                    .isTrue();
        }

        @Test
        @DisplayName("a process under Action.timeout is stopped before the timeout returns")
        void underTimeoutCombinator() throws IOException {
            Action<ProcessResult> run =
                    c -> c.run(inDir(sh(TRAP_AND_EXIT, Duration.ofMinutes(1), Duration.ofSeconds(10))));
            Either<ActionFailure, ProcessResult> r =
                    run.timeout(Duration.ofSeconds(1)).run(ctx);
            assertThat(r.getLeft()).isInstanceOf(ActionFailure.Timeout.class);
            assertThat(lines("ints")).containsExactly("INT");
            assertThat(alive(Long.parseLong(lines("pid").getFirst()))).isFalse();
        }

        private boolean exists(String file) {
            return Files.exists(dir.resolve(file));
        }
    }
}
