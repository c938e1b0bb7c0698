package dev.homestak.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Build step: derives {@link Prebuilt} from picocli's command model and writes it into the jar. */
public final class PrebuiltWriter {

    /** Value types picocli takes as typed, with nothing to check (a Linux path takes any argument). */
    private static final Set<Class<?>> PLAIN = Set.of(String.class, Path.class, boolean.class, Boolean.class);

    private PrebuiltWriter() {}

    /** The start-up model of {@code commandLine} (its top-level options and its usage text). */
    static Prebuilt of(CommandLine commandLine) {
        commandLine.setUsageHelpAutoWidth(false);
        commandLine.setUsageHelpWidth(Prebuilt.WIDTH);
        return new Prebuilt(
                table(commandLine.getCommandSpec()), commandLine.getUsageMessage(CommandLine.Help.Ansi.OFF));
    }

    /** The top-level options of {@code spec}. */
    static ArgvTable table(CommandSpec spec) {
        return new ArgvTable(spec.options().stream().map(PrebuiltWriter::option).toList());
    }

    private static ArgvTable.Option option(OptionSpec o) {
        List<String> names = new ArrayList<>(List.of(o.names()));
        names.sort(Comparator.comparing((String n) -> !n.equals(o.longestName())));
        boolean plain =
                o.converters().length == 0 && PLAIN.contains(o.isMultiValue() ? o.auxiliaryTypes()[0] : o.type());
        return new ArgvTable.Option(kind(o), o.isMultiValue(), !plain, names);
    }

    private static ArgvTable.Kind kind(OptionSpec o) {
        CommandLine.Range arity = o.arity();
        if (o.negatable() || arity.isVariable() || arity.min() != arity.max() || arity.max() > 1) {
            return ArgvTable.Kind.OTHER;
        }
        if (arity.max() == 1) {
            return ArgvTable.Kind.VALUE;
        }
        return o.usageHelp() ? ArgvTable.Kind.HELP : o.versionHelp() ? ArgvTable.Kind.VERSION : ArgvTable.Kind.FLAG;
    }

    /** Writes the model of {@code homestak} to {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, of(CommandModel.commandLine()).text());
    }
}
