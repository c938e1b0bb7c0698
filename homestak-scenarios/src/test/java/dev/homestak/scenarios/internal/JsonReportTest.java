package dev.homestak.scenarios.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("JSON report")
class JsonReportTest {

    @Nested
    @DisplayName("for a passed run")
    class Passed {
        @Test
        @DisplayName("has the original's fields, order and formats, with the real phase description (golden file)")
        void matchesGolden() {
            Golden.assertMatches(
                    "passed-father.json", JsonReport.render(SampleReports.passedOnFather(), SampleReports.ZONE));
        }
    }

    @Nested
    @DisplayName("for a failed run with cleanup")
    class Failed {
        private final String json = JsonReport.render(SampleReports.failedWithCleanup(), SampleReports.ZONE);

        @Test
        @DisplayName("matches the golden file")
        void matchesGolden() {
            Golden.assertMatches("failed-cleanup.json", json);
        }

        @Test
        @DisplayName("is valid JSON, lists every phase (never reached as not_run) and says what cleanup left")
        void structure() throws Exception {
            JsonNode root = new ObjectMapper().readTree(json);
            assertThat(root.get("success").asBoolean()).isFalse();
            assertThat(root.get("phases")).hasSize(7);
            assertThat(root.get("phases").get(3).get("status").asText()).isEqualTo("not_run");
            assertThat(root.get("phases").get(1).get("status").asText()).isEqualTo("skipped");
            assertThat(root.get("outcome").asText()).isEqualTo("cleanup_failed");
            assertThat(root.get("cleanup").get("remaining").get(0).asText()).contains("VM 99913");
        }

        @Test
        @DisplayName("contains no ANSI escape codes, and escapes non-ASCII as Python's ensure_ascii does")
        void noAnsi() {
            assertThat(json).doesNotContain("\u001b").doesNotContain("\\u001b").contains("\\u2577");
        }
    }
}
