package dev.homestak.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("SopsValues matching Go's strconv as sops uses it")
class SopsValuesTest {

    @Nested
    @DisplayName("MAC bytes")
    class MacBytes {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "1.0,1",
            "2.5,2.5",
            "100.0,100",
            "1e21,1000000000000000000000",
            "1.5e-7,0.00000015",
            "-0.0,-0",
            "0.0,0",
            "0.1,0.1"
        })
        @DisplayName("floats render like FormatFloat(f, 'f', -1, 64)")
        void floats(double value, String expected) {
            assertThat(SopsValues.formatFloat(value)).isEqualTo(expected);
        }

        @Test
        @DisplayName("booleans are title-cased, ints decimal, strings UTF-8, other types refused")
        void others() {
            assertThat(text(true)).isEqualTo("True");
            assertThat(text(false)).isEqualTo("False");
            assertThat(text(8006)).isEqualTo("8006");
            assertThat(text(12345678901234L)).isEqualTo("12345678901234");
            assertThat(text("grüß")).isEqualTo("grüß");
            assertThat(SopsValues.toBytes(new Object()).isEmpty()).isTrue();
            assertThat(SopsValues.formatFloat(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        }

        private String text(Object value) {
            return new String(SopsValues.toBytes(value).get(), StandardCharsets.UTF_8);
        }
    }

    @Nested
    @DisplayName("decrypted plaintexts")
    class Parsing {

        @Test
        @DisplayName("ints become Integer when they fit, else Long; junk is refused")
        void ints() {
            assertThat(SopsValues.parseInt("42").get()).isEqualTo(42);
            assertThat(SopsValues.parseInt("-9000000000").get()).isEqualTo(-9_000_000_000L);
            assertThat(SopsValues.parseInt("4x").isEmpty()).isTrue();
        }

        @Test
        @DisplayName("bools accept Go's ParseBool forms only")
        void bools() {
            assertThat(SopsValues.parseBool("True").get()).isEqualTo(true);
            assertThat(SopsValues.parseBool("f").get()).isEqualTo(false);
            assertThat(SopsValues.parseBool("yes").isEmpty()).isTrue();
        }

        @Test
        @DisplayName("floats accept decimals, exponents, NaN and Inf, not Java suffixes")
        void floats() {
            assertThat(SopsValues.parseFloat("2.5").get()).isEqualTo(2.5);
            assertThat(SopsValues.parseFloat("1e3").get()).isEqualTo(1000.0);
            assertThat(SopsValues.parseFloat("-Inf").get()).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(SopsValues.parseFloat("1.0d").isEmpty()).isTrue();
        }
    }
}
