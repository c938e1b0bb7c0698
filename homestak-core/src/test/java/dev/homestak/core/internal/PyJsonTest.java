package dev.homestak.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Python-compatible JSON")
class PyJsonTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "59.238494,59.238494",
        "0.0,0.0",
        "100.0,100.0",
        "0.0001,0.0001",
        "0.00001,1e-05",
        "1e16,1e+16",
        "1.5e16,1.5e+16",
        "1234567.0,1234567.0",
        "0.0005,0.0005",
        "-2.5,-2.5",
        "31.122485637664795,31.122485637664795"
    })
    @DisplayName("writes floats as Python's repr")
    void floats(double value, String expected) {
        assertThat(PyJson.pyFloat(value)).isEqualTo(expected);
    }

    @Test
    @DisplayName("writes times as isoformat(): microseconds only when non-zero, seconds always")
    void isoformat() {
        assertThat(PyJson.isoformat(LocalDateTime.parse("2026-01-03T15:56:16.915451")))
                .isEqualTo("2026-01-03T15:56:16.915451");
        assertThat(PyJson.isoformat(LocalDateTime.parse("2026-01-03T15:56:00"))).isEqualTo("2026-01-03T15:56:00");
        assertThat(PyJson.isoformat(LocalDateTime.parse("2026-01-03T15:56:01.5")))
                .isEqualTo("2026-01-03T15:56:01.500000");
    }

    @Test
    @DisplayName("indents like json.dumps(indent=2): ': ' separators, empty containers inline, ensure_ascii escapes")
    void pretty() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", "ü\"\n\u007f");
        m.put("b", List.of());
        m.put("c", List.of(1, Map.of()));
        assertThat(PyJson.pretty(m))
                .isEqualTo("{\n  \"a\": \"\\u00fc\\\"\\n\\u007f\",\n  \"b\": [],\n  \"c\": [\n    1,\n    {}\n  ]\n}");
        assertThat(PyJson.compact(m)).isEqualTo("{\"a\":\"\\u00fc\\\"\\n\\u007f\",\"b\":[],\"c\":[1,{}]}");
    }
}
