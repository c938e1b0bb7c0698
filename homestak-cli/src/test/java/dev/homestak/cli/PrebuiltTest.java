package dev.homestak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

@DisplayName("the start-up model written at build time is picocli's model: a new flag needs no change to the fast path")
class PrebuiltTest {

    @Test
    @DisplayName(
            "the jar's command-line.txt equals the table and usage derived from the live picocli model (drift fails the build)")
    void jarMatchesLiveModel() {
        Prebuilt live = PrebuiltWriter.of(CommandModel.commandLine());

        assertThat(Prebuilt.cached()).contains(live);
        assertThat(Prebuilt.parse(live.text())).isEqualTo(live);
    }

    @Test
    @DisplayName("every option the start-up path reads by name is an option of the live model")
    void namesReadExist() {
        ArgvTable table = PrebuiltWriter.table(CommandModel.commandLine().getCommandSpec());

        assertThat(table.options())
                .extracting(ArgvTable.Option::canonical)
                .containsAll(FastPath.READS)
                .contains(RunFlags.DRY_RUN);
    }

    @Test
    @DisplayName(
            "the table has picocli's names, arity and checks: -S takes a value, --dry-run none, --timeout is checked, --skip repeats")
    void tableFromModel() {
        ArgvTable table = PrebuiltWriter.table(CommandModel.commandLine().getCommandSpec());

        assertThat(table.options())
                .contains(
                        new ArgvTable.Option(ArgvTable.Kind.VALUE, false, false, java.util.List.of("--scenario", "-S")),
                        new ArgvTable.Option(ArgvTable.Kind.FLAG, false, false, java.util.List.of("--dry-run")),
                        new ArgvTable.Option(ArgvTable.Kind.VALUE, false, true, java.util.List.of("--timeout", "-t")),
                        new ArgvTable.Option(ArgvTable.Kind.VALUE, true, false, java.util.List.of("--skip", "-s")),
                        new ArgvTable.Option(ArgvTable.Kind.HELP, false, false, java.util.List.of("--help", "-h")),
                        new ArgvTable.Option(
                                ArgvTable.Kind.VERSION, false, false, java.util.List.of("--version", "-V")));
    }

    @Test
    @DisplayName(
            "a flag and a valued option added to the picocli model are read by the fast path as picocli reads them, help lists them")
    void newOptionsHonoured() {
        CommandLine model = CommandModel.commandLine();
        model.getCommandSpec()
                .addOption(OptionSpec.builder("--new-flag")
                        .description("A new switch.")
                        .build());
        model.getCommandSpec()
                .addOption(OptionSpec.builder("--new-value", "-N")
                        .arity("1")
                        .type(Path.class)
                        .paramLabel("FILE")
                        .description("A new valued option.")
                        .build());
        Prebuilt prebuilt = PrebuiltWriter.of(model);
        String[] args = {"--new-flag", "-N", "x.txt", "--scenario", "cli-vm-roundtrip", "--list-phases"};
        StringWriter fastOut = new StringWriter();
        StringWriter fullOut = new StringWriter();
        StringWriter fullErr = new StringWriter();

        Optional<Integer> fast =
                FastPath.run(prebuilt, args, new PrintWriter(fastOut, true), new PrintWriter(fastOut, true));
        model.setOut(new PrintWriter(fullOut, true));
        model.setErr(new PrintWriter(fullErr, true));
        int full = model.execute(args);

        assertThat(fullErr.toString()).isEmpty();
        assertThat(fast).contains(full).contains(0);
        assertThat(fastOut.toString())
                .isEqualTo(fullOut.toString())
                .startsWith("Phases for scenario 'cli-vm-roundtrip':");
        assertThat(prebuilt.usage()).contains("--new-flag", "-N, --new-value=FILE");
        assertThat(Prebuilt.cached().orElseThrow().table().match(args)).isEmpty();
    }
}
