package dev.homestak.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CI's smoke run: every benchmark once with tiny sizes, so they keep working. No figure is asserted. */
@DisplayName("benchmarks, smoke mode")
class BenchSmokeTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("each benchmark produces its rows, the results table and the fan-out and manifest charts")
    void smoke() throws Exception {
        List<Row> rows = BenchMain.run(Options.parse("--smoke", "--out", dir.toString()));

        assertThat(rows)
                .extracting(Row::benchmark)
                .contains("engine overhead", "wait detection", "fan-out", "client throughput");
        assertThat(rows)
                .filteredOn(r -> r.metric().startsWith("API requests per roundtrip"))
                .singleElement()
                .satisfies(r -> assertThat(Integer.parseInt(r.value())).isPositive());
        assertThat(Files.readString(dir.resolve("results.md"))).contains("| fan-out | T(2) / T(1) |");
        for (String chart : List.of("fanout.svg", "manifests.svg")) {
            assertThat(Files.readString(dir.resolve(chart)))
                    .startsWith("<svg")
                    .contains("polyline")
                    .endsWith("</svg>\n");
        }
        assertThat(rows)
                .filteredOn(r -> r.metric().startsWith("process CPU per apply"))
                .singleElement()
                .satisfies(r -> assertThat(r.value()).matches("1 node \\d+ ms; 2 nodes \\d+ ms: .*"));
    }

    @Test
    @DisplayName("a wrong option is one clear line")
    void badOption() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Options.parse("--fast"))
                .hasMessage("unknown option '--fast' (use --smoke, --launcher PATH, --out DIR, --svg FILE)");
    }
}
