package dev.homestak.scenarios.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Markdown report")
class MarkdownReportTest {

    @Nested
    @DisplayName("for a passed run")
    class Passed {
        @Test
        @DisplayName("is byte for byte the original's sample report (golden file, no trailing newline)")
        void matchesOriginalSample() {
            String md = MarkdownReport.render(
                    SampleReports.passedOnPve(), SampleReports.ZONE, SampleReports.at("2026-01-03T15:40:04.745621"));
            Golden.assertMatches("passed-pve.md", md);
            assertThat(md).doesNotEndWith("\n");
        }
    }

    @Nested
    @DisplayName("for a failed run with multi-line coloured stderr")
    class Failed {
        private final String md = MarkdownReport.render(
                SampleReports.failedWithCleanup(), SampleReports.ZONE, SampleReports.at("2026-01-03T16:00:12"));

        @Test
        @DisplayName("matches the golden file")
        void matchesGolden() {
            Golden.assertMatches("failed-cleanup.md", md);
        }

        @Test
        @DisplayName("keeps every table row on one line with exactly four cells, and no ANSI codes")
        void tableIntact() {
            List<String> rows = md.lines().filter(l -> l.startsWith("| ")).toList();
            assertThat(rows).hasSize(1 + 7);
            for (String row : rows) {
                assertThat(row).endsWith(" |");
                assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count())
                        .as(row)
                        .isEqualTo(5);
            }
            assertThat(md).doesNotContain("\u001b");
        }

        @Test
        @DisplayName("lists phases never reached as not run, and says what cleanup could not remove")
        void notRunAndCleanup() {
            assertThat(md)
                    .contains("| install_pve | ❓ not run | 0.0s | not reached: wait_ip failed |")
                    .contains("**Status**: FAILED")
                    .contains("**Outcome**: cleanup failed, resources may be left behind")
                    .contains("- **not cleaned**: destroy_inner: VM 99913");
        }
    }
}
