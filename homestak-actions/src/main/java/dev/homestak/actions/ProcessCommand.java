package dev.homestak.actions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One external command to run: argv, working directory, extra environment, deadline, and the grace
 * period between the single SIGINT and killing the process tree.
 *
 * @param argv      the program and its arguments; a bare program name is looked up on the PATH of the
 *                  child's environment (not the JVM's)
 * @param directory working directory; the JVM's when empty
 * @param env       variables added to (or replacing) the runner's environment
 * @param timeout   deadline for the whole command
 * @param grace     how long to wait after SIGINT before killing the process tree
 */
public record ProcessCommand(
        List<String> argv, Optional<Path> directory, Map<String, String> env, Duration timeout, Duration grace) {

    /** Default deadline, as the original's {@code run_command}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(600);
    /** Default grace period after SIGINT (tofu needs a few seconds to persist state). */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

    /** Validates and copies components. */
    public ProcessCommand {
        argv = List.copyOf(argv);
        if (argv.isEmpty() || argv.getFirst().isBlank()) {
            throw new IllegalArgumentException("argv must name a program");
        }
        Objects.requireNonNull(directory, "directory");
        env = Map.copyOf(env);
        requirePositive(timeout, "timeout");
        requirePositive(grace, "grace");
    }

    /** A command with the default deadline and grace period. */
    public static ProcessCommand of(String... argv) {
        return builder(List.of(argv)).build();
    }

    /** A builder for the given argv. */
    public static Builder builder(List<String> argv) {
        return new Builder(argv);
    }

    /** The command line as a user would type it (for messages and logs; never contains env values). */
    public String display() {
        return String.join(" ", argv);
    }

    /** Like the record's, but shows only the names of the environment variables. */
    @Override
    public String toString() {
        return "ProcessCommand[argv=" + argv + ", directory="
                + directory.map(Path::toString).orElse("-") + ", env=" + env.keySet() + ", timeout=" + timeout
                + ", grace=" + grace + "]";
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /** Builds a {@link ProcessCommand}; the only mutable type here. */
    public static final class Builder {
        private final List<String> argv;
        private Optional<Path> directory = Optional.empty();
        private final Map<String, String> env = new LinkedHashMap<>();
        private Duration timeout = DEFAULT_TIMEOUT;
        private Duration grace = DEFAULT_GRACE;

        private Builder(List<String> argv) {
            this.argv = List.copyOf(argv);
        }

        /** Working directory. */
        public Builder directory(Path dir) {
            this.directory = Optional.of(dir);
            return this;
        }

        /** One more environment variable for the child. */
        public Builder env(String name, String value) {
            env.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, name));
            return this;
        }

        /** Deadline for the whole command. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Grace period between SIGINT and killing the process tree. */
        public Builder grace(Duration grace) {
            this.grace = grace;
            return this;
        }

        /** The command. */
        public ProcessCommand build() {
            return new ProcessCommand(argv, directory, env, timeout, grace);
        }
    }
}
