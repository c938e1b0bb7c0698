package dev.homestak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("the start-up fast path (no picocli model) answers exactly as the full command does")
class FastPathTest {

    @ParameterizedTest(name = "args ''{0}''")
    @ValueSource(
            strings = {
                "",
                "--list-scenarios",
                "--list-scenarios -S cli-hello",
                "-S cli-vm-roundtrip --list-phases",
                "--scenario=cli-hello --list-phases -v",
                "--list-phases --scenario nope",
                "--list-phases",
                "-S cli-hello --list-phases --host sim",
                "--host sim",
                "--list-scenarios --dry-run -y --skip a --skip b",
                "--list-scenarios --site-config /nowhere -C ctx.json",
                "--version",
                "-V -v"
            })
    @DisplayName("same output, error and exit code as picocli's path")
    void sameAsPicocli(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        Optional<Integer> fast = FastPath.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        CliRun full = CliRun.of(args);

        assertThat(fast).contains(full.exitCode());
        assertThat(out.toString()).isEqualTo(full.out());
        assertThat(err.toString()).isEqualTo(full.err());
    }

    @ParameterizedTest(name = "args ''{0}''")
    @ValueSource(
            strings = {
                "-S cli-hello",
                "-S cli-hello --preflight",
                "-S",
                "-S --list-phases",
                "sim --help",
                "--list-scenarios --timeout 5",
                "--list-scenarios --vm-id a=100",
                "--list-scenarios -vy",
                "@args.txt",
                "--list-scenarios --list-scenarios",
                "--list-scenarios --dry-run=true",
                "--list-scenarios -S a -S b",
                "--list-scenarios --no-such-flag",
                "--list-scenarios extra",
                "-S @name --list-phases"
            })
    @DisplayName(
            "anything the options table cannot read, or that runs something, is left to picocli, with nothing printed")
    void declines(String line) {
        StringWriter out = new StringWriter();

        Optional<Integer> fast = FastPath.run(line.split(" "), new PrintWriter(out, true), new PrintWriter(out, true));

        assertThat(fast).isEmpty();
        assertThat(out.toString()).isEmpty();
    }

    @ParameterizedTest(name = "args ''{0}''")
    @ValueSource(strings = {"--help", "-h", "--help -v", "-S cli-hello -h", "--version --help"})
    @DisplayName("help is answered from the text written at build time: picocli's usage at 80 columns, exit 0")
    void help(String line) {
        StringWriter out = new StringWriter();

        Optional<Integer> fast = FastPath.run(line.split(" "), new PrintWriter(out, true), new PrintWriter(out, true));

        assertThat(fast).contains(0);
        assertThat(out.toString())
                .isEqualTo(PrebuiltWriter.of(CommandModel.commandLine()).usage())
                .contains("--scenario", "cleanup", "Exit codes:", "143 SIGTERM");
    }
}
