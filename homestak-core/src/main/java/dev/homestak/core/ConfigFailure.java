package dev.homestak.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Why a site-config could not be found, read, merged or resolved. Every case names the file
 * (and where known the line, column and key) and says what to do.
 */
public sealed interface ConfigFailure extends Failure {

    /** The site-config directory was not found in any of the places searched. */
    record NotFound(List<String> searched, String hint) implements ConfigFailure {
        /** Copies the list. */
        public NotFound {
            searched = List.copyOf(searched);
            Objects.requireNonNull(hint, "hint");
        }

        @Override
        public String message() {
            return "site-config not found (searched " + String.join(", ", searched) + "): " + hint;
        }
    }

    /** A file or a key that must exist does not. */
    record Missing(Path file, String key, String hint) implements ConfigFailure {
        /** Validates components. */
        public Missing {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(hint, "hint");
        }

        @Override
        public String message() {
            return key.isEmpty() ? file + ": " + hint : file + ": '" + key + "' " + hint;
        }
    }

    /** A file could not be read at all (permissions, a directory, an I/O error). */
    record Unreadable(Path file, String reason) implements ConfigFailure {
        /** Validates components. */
        public Unreadable {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String message() {
            return file + ": cannot read: " + reason;
        }
    }

    /** A file is not valid YAML (or is empty where content is required). */
    record Parse(Path file, int line, int column, String problem) implements ConfigFailure {
        /** Validates components. */
        public Parse {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(problem, "problem");
        }

        @Override
        public String message() {
            return line > 0 ? file + ":" + line + ":" + column + ": " + problem : file + ": " + problem;
        }
    }

    /** A value is present but wrong (type, format, a reference to something that does not exist). */
    record Invalid(Path file, int line, String key, String problem) implements ConfigFailure {
        /** Validates components. */
        public Invalid {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(problem, "problem");
        }

        @Override
        public String message() {
            String where = line > 0 ? file + ":" + line : file.toString();
            return where + ": '" + key + "' " + problem;
        }
    }

    /** An encrypted secrets file could not be decrypted (no key, wrong key, MAC mismatch, tampered). */
    record Decrypt(Path file, String problem) implements ConfigFailure {
        /** Validates components. */
        public Decrypt {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(problem, "problem");
        }

        @Override
        public String message() {
            return file + ": cannot decrypt: " + problem;
        }
    }

    /** A name given by the user (host, env, node) has no file; lists the names that do exist. */
    record Unknown(String kind, String name, List<String> available, String hint) implements ConfigFailure {
        /** Validates components and copies the list. */
        public Unknown {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            available = List.copyOf(available);
            Objects.requireNonNull(hint, "hint");
        }

        @Override
        public String message() {
            String names = available.isEmpty() ? "none" : String.join(", ", available);
            return "unknown " + kind + " '" + name + "' (available: " + names + "): " + hint;
        }
    }

    /** Several problems found in one pass (every file is checked before giving up). */
    record Multiple(List<ConfigFailure> failures) implements ConfigFailure {
        /** Copies the list; at least two failures. */
        public Multiple {
            failures = List.copyOf(failures);
            if (failures.size() < 2) {
                throw new IllegalArgumentException("Multiple needs at least two failures");
            }
        }

        @Override
        public String message() {
            StringBuilder text = new StringBuilder(failures.size() + " problems in site-config: ");
            for (int i = 0; i < failures.size(); i++) {
                text.append(i == 0 ? "" : "; ").append(failures.get(i).message());
            }
            return text.toString();
        }
    }

    /**
     * Every problem of one input (a manifest), each a line of its own: the form {@code validate} prints.
     * Unlike {@link Multiple} (one line for a site-config), {@link #message()} has one line per problem.
     *
     * @param subject what was checked, for a summary ({@code manifest n1-push})
     * @param problems the problems, in file order (at least one)
     */
    record ProblemList(String subject, List<ConfigFailure> problems) implements ConfigFailure {
        /** Copies the list; at least one problem. */
        public ProblemList {
            Objects.requireNonNull(subject, "subject");
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("ProblemList needs at least one problem");
            }
        }

        /** One line per problem. */
        public List<String> lines() {
            return problems.stream().map(ConfigFailure::message).toList();
        }

        @Override
        public String message() {
            return String.join("\n", lines());
        }
    }
}
