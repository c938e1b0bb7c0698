package dev.homestak.resilience;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One malformed input of the corpus: changes to a copy of the fixture site-config ({@code files}: path →
 * new content; {@link #DELETE} removes, {@link #DIRECTORY} puts a directory in the file's place), the
 * command line ({@code SITE} stands for the copy's path), extra environment, and the one line expected on
 * stderr (a regular expression found in it).
 */
record BadInput(String name, Map<String, String> files, List<String> args, Map<String, String> env, String expected) {

    static final String DELETE = "\u0000delete";
    static final String DIRECTORY = "\u0000directory";
    static final String SITE = "@SITE@";

    BadInput {
        files = Map.copyOf(files);
        args = List.copyOf(args);
        env = Map.copyOf(env);
    }

    /** {@code homestak config show --host pve --site-config SITE} with one file changed. */
    static BadInput show(String name, String file, String content, String expected) {
        return new BadInput(
                name,
                Map.of(file, content),
                List.of("config", "show", "--host", "pve", "--site-config", SITE),
                Map.of(),
                expected);
    }

    /** {@code homestak config resolve --env test --host pve --site-config SITE} with one file changed. */
    static BadInput resolve(String name, String file, String content, String expected) {
        return new BadInput(
                name,
                Map.of(file, content),
                List.of("config", "resolve", "--env", "test", "--host", "pve", "--site-config", SITE),
                Map.of(),
                expected);
    }

    /** A command line on the unchanged fixture. */
    static BadInput cli(String name, String expected, String... args) {
        return new BadInput(name, Map.of(), List.of(args), Map.of(), expected);
    }

    /** The same input with an extra environment variable. */
    BadInput withEnv(String key, String value) {
        return new BadInput(name, files, args, Map.of(key, value), expected);
    }

    /** The first changed file, if any (for messages). */
    Optional<String> file() {
        return files.keySet().stream().sorted().findFirst();
    }

    @Override
    public String toString() {
        return name;
    }
}
