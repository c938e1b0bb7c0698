package dev.homestak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;

@DisplayName("the listing fast path (no picocli model) answers exactly as the full command does")
class FastPathTest {

    @ParameterizedTest(name = "args ''{0}''")
    @ValueSource(strings = {"--list-scenarios", "--list-scenarios -S cli-hello", "-S cli-vm-roundtrip --list-phases",
        "--scenario=cli-hello --list-phases -v", "--list-phases --scenario nope"})
    @DisplayName("same output, error and exit code as picocli's path")
    void sameAsPicocli(String line) {
        String[] args = line.split(" ");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        Optional<Integer> fast = FastPath.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        CliRun full = CliRun.of(args);

        assertThat(fast).contains(full.exitCode());
        assertThat(out.toString()).isEqualTo(full.out());
        assertThat(err.toString()).isEqualTo(full.err());
    }

    @ParameterizedTest(name = "args ''{0}''")
    @ValueSource(strings = {"", "-S cli-hello", "--list-phases", "-S cli-hello --list-phases --host sim", "--help -v",
        "-S", "-S --list-phases", "sim --help"})
    @DisplayName("anything else is left to picocli, with nothing printed")
    void declines(String line) {
        StringWriter out = new StringWriter();

        Optional<Integer> fast = FastPath.run(line.isEmpty() ? new String[0] : line.split(" "),
                new PrintWriter(out, true), new PrintWriter(out, true));

        assertThat(fast).isEmpty();
        assertThat(out.toString()).isEmpty();
    }

    @ParameterizedTest(name = "args ''{0}''")
    @ValueSource(strings = {"--help", "-h"})
    @DisplayName("--help is answered from the text written at build time: picocli's usage at 80 columns, exit 0")
    void help(String arg) {
        StringWriter out = new StringWriter();

        Optional<Integer> fast = FastPath.run(new String[] {arg}, new PrintWriter(out, true), new PrintWriter(out, true));

        assertThat(fast).contains(0);
        assertThat(out.toString()).isEqualTo(HelpText.render())
                .contains("--scenario", "cleanup", "Exit codes:", "143 SIGTERM");
    }
}
