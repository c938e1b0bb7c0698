package dev.homestak.scenarios.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.scenarios.RunReport;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Report files")
class ReportFilesTest {

    @TempDir
    Path dir;

    private Either<String, List<Path>> write(RunReport report) {
        return ReportFiles.write(report, dir, SampleReports.ZONE, report.finishedAt());
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Nested
    @DisplayName("named as the original")
    class Naming {
        @Test
        @DisplayName("YYYYMMDD-HHMMSS.{passed|failed}.{json,md} plus .junit.xml, from the run's start in local time")
        void originalNames() throws IOException {
            assertThat(write(SampleReports.passedOnPve()).isRight()).isTrue();
            assertThat(write(SampleReports.failedWithCleanup()).isRight()).isTrue();
            assertThat(names())
                    .containsExactly(
                            "20260103-153931.passed.json",
                            "20260103-153931.passed.junit.xml",
                            "20260103-153931.passed.md",
                            "20260103-160000.failed.json",
                            "20260103-160000.failed.junit.xml",
                            "20260103-160000.failed.md");
        }

        @Test
        @DisplayName("adds the scenario (then a counter) only when two runs started in the same second")
        void collision() throws IOException {
            RunReport report = SampleReports.passedOnPve();
            write(report);
            write(report);
            write(report);
            assertThat(names())
                    .filteredOn(n -> n.endsWith(".json"))
                    .containsExactly(
                            "20260103-153931.passed.json",
                            "20260103-153931.simple-vm-roundtrip-2.passed.json",
                            "20260103-153931.simple-vm-roundtrip.passed.json");
        }

        @Test
        @DisplayName("never loses a report when runs of the same second write at once")
        void concurrent() throws Exception {
            RunReport report = SampleReports.passedOnPve();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<Either<String, List<Path>>>> tasks =
                        List.of(() -> write(report), () -> write(report), () -> write(report), () -> write(report));
                for (Future<Either<String, List<Path>>> f : pool.invokeAll(tasks)) {
                    assertThat(f.get().isRight()).isTrue();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(names()).filteredOn(n -> n.endsWith(".json")).hasSize(4);
        }
    }

    @Nested
    @DisplayName("written atomically")
    class Atomic {
        @Test
        @DisplayName("leaves no temporary files and creates the report directory")
        void noTemps() throws IOException {
            Path nested = dir.resolve("a/b");
            RunReport report = SampleReports.passedOnPve();
            assertThat(ReportFiles.write(report, nested, SampleReports.ZONE, report.finishedAt())
                            .isRight())
                    .isTrue();
            try (Stream<Path> files = Files.list(nested)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .hasSize(3)
                        .noneMatch(n -> n.endsWith(".tmp"));
            }
        }

        @Test
        @DisplayName("an unwritable report directory is a one-line message naming it, not an exception")
        void unwritable() throws IOException {
            Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
            RunReport report = SampleReports.passedOnPve();
            Either<String, List<Path>> result =
                    ReportFiles.write(report, file, SampleReports.ZONE, report.finishedAt());
            assertThat(result.getLeft())
                    .contains("not-a-dir")
                    .contains("report directory")
                    .doesNotContain("\n");
        }
    }
}
