package dev.homestak.scenarios.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homestak.scenarios.RunOptions;
import dev.homestak.scenarios.RunReport;
import dev.homestak.sim.FaultKind;
import dev.homestak.sim.FaultRule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("report files of a real run match the original's format (golden, with times masked)")
class ReportFormatAgainstSimTest {

    @TempDir
    Path dir;

    SimSite site;

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    @DisplayName("a failed simple-vm-roundtrip: Markdown and JSON as golden/e2e-roundtrip-failed.*")
    void failedRoundtrip() throws IOException {
        site = SimSite.start(
                dir,
                b -> b.fault(FaultRule.builder(FaultKind.TASK_FAILURE)
                        .method("POST")
                        .path("/status/start$")
                        .message("start failed: QEMU exited with code 1")
                        .build()));

        RunReport report = site.runner()
                .run(site.registered("simple-vm-roundtrip"), RunOptions.defaults())
                .get();

        Path md = file(report, ".failed.md");
        Path json = file(report, ".failed.json");
        assertThat(md.getFileName().toString()).matches("\\d{8}-\\d{6}\\.failed\\.md");
        assertThat(mask(Files.readString(md))).isEqualTo(golden("e2e-roundtrip-failed.md"));
        assertThat(mask(Files.readString(json))).isEqualTo(golden("e2e-roundtrip-failed.json"));
        JsonNode parsed = new ObjectMapper().readTree(json.toFile());
        List<String> keys = new ArrayList<>();
        parsed.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).startsWith("scenario", "host", "success", "started_at", "finished_at", "duration", "phases");
    }

    private static Path file(RunReport report, String suffix) {
        return report.files().stream()
                .filter(f -> f.toString().endsWith(suffix))
                .findFirst()
                .orElseThrow();
    }

    /** Masks what changes from run to run: times, durations, the run id. */
    static String mask(String text) {
        return text.replaceAll("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?", "<time>")
                .replaceAll("\\d{8}-\\d{6}-[0-9a-f]{6}", "<run-id>")
                .replaceAll("\\| \\d+\\.\\ds \\|", "| <d>s |")
                .replaceAll("\\*\\*Duration\\*\\*: \\d+\\.\\ds", "**Duration**: <d>s")
                .replaceAll("\"duration\": [0-9.e-]+", "\"duration\": <d>")
                .replaceAll("UPID:[^ \"]+", "<upid>");
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = ReportFormatAgainstSimTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
