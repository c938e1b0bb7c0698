package dev.homestak.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The top-level options of {@code homestak} as picocli models them, written at build time ({@link PrebuiltWriter})
 * so that the start-up path can read a command line without building picocli's model by reflection. One line an
 * option: {@code kind count values name...} (the first name is the longest, as picocli's {@code longestName}).
 * It only reads what picocli would parse the same way; anything else (a subcommand, a positional, clustered short
 * options, an argument file, a repeated single option) is left to picocli.
 */
record ArgvTable(List<Option> options) {

    /** How an option takes its value. */
    enum Kind {
        /** No value ({@code --dry-run}). */
        FLAG,
        /** Exactly one value ({@code --scenario NAME}, {@code --scenario=NAME}). */
        VALUE,
        /** Picocli's usage help option ({@code --help}). */
        HELP,
        /** Picocli's version help option ({@code --version}). */
        VERSION,
        /** Anything else (optional or several values): left to picocli. */
        OTHER
    }

    /**
     * One option.
     *
     * @param repeatable picocli takes it more than once
     * @param checked    its value is converted or validated by picocli, so only picocli can answer with it
     */
    record Option(Kind kind, boolean repeatable, boolean checked, List<String> names) {

        Option {
            names = List.copyOf(names);
        }

        /** The name the values are filed under: the longest, as picocli's {@code longestName()}. */
        String canonical() {
            return names.get(0);
        }

        String line() {
            return kind.name().toLowerCase() + " " + (repeatable ? "many" : "once") + " "
                    + (checked ? "checked" : "plain") + " " + String.join(" ", names);
        }

        static Option parse(String line) {
            String[] words = line.split(" ");
            return new Option(
                    Kind.valueOf(words[0].toUpperCase()),
                    words[1].equals("many"),
                    words[2].equals("checked"),
                    List.of(words).subList(3, words.length));
        }
    }

    ArgvTable {
        options = List.copyOf(options);
    }

    /** The table as written into the jar. */
    String text() {
        StringBuilder text = new StringBuilder();
        options.forEach(o -> text.append(o.line()).append('\n'));
        return text.toString();
    }

    /** Reads {@link #text()}. */
    static ArgvTable parse(String text) {
        return new ArgvTable(
                text.lines().filter(l -> !l.isBlank()).map(Option::parse).toList());
    }

    /** The options of {@code args}, or empty when only picocli can read them. */
    Optional<Argv> match(String[] args) {
        Map<String, Option> byName = new HashMap<>();
        options.forEach(o -> o.names().forEach(n -> byName.put(n, o)));
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<Option> given = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            boolean attached = arg.startsWith("--") && eq > 0;
            Option option = byName.get(attached ? arg.substring(0, eq) : arg);
            if (option == null
                    || option.kind() == Kind.OTHER
                    || (values.containsKey(option.canonical()) && !option.repeatable())) {
                return Optional.empty();
            }
            List<String> optionValues = values.computeIfAbsent(option.canonical(), k -> new ArrayList<>());
            given.add(option);
            if (option.kind() == Kind.VALUE) {
                String value = attached ? arg.substring(eq + 1) : (i + 1 < args.length ? args[++i] : "-");
                if (value.startsWith("-") || value.startsWith("@")) {
                    return Optional.empty();
                }
                optionValues.add(value);
            } else if (attached) {
                return Optional.empty();
            }
        }
        return Optional.of(new Argv(values, given));
    }

    /**
     * A command line read with the table.
     *
     * @param values the values of each option given, by its canonical name (none for a flag)
     */
    record Argv(Map<String, List<String>> values, List<Option> given) {

        /** True when option {@code canonical} was given. */
        boolean has(String canonical) {
            return values.containsKey(canonical);
        }

        /** The value of single option {@code canonical}, if given. */
        Optional<String> value(String canonical) {
            return values.getOrDefault(canonical, List.of()).stream().findFirst();
        }

        /** True when an option of this kind was given. */
        boolean has(Kind kind) {
            return given.stream().anyMatch(o -> o.kind() == kind);
        }

        /** True when a given option's value is one only picocli can check. */
        boolean needsPicocli() {
            return given.stream().anyMatch(Option::checked);
        }
    }
}
