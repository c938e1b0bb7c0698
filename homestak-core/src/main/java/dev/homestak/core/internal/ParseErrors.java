package dev.homestak.core.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.homestak.core.ConfigFailure;
import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The failures of homestak's line-tracking readers (site-config YAML, manifests): a syntax error with SnakeYAML's
 * own problem and position, and a duplicate key found while reading.
 */
public final class ParseErrors {

    private ParseErrors() {}

    /**
     * SnakeYAML's own problem and its position (Jackson's for JSON), after {@code label} ({@code YAML syntax error}).
     * Its full message quotes the offending source line, which in {@code secrets.yaml} could be a secret, so only
     * the first line of the problem text is used; {@code fallback} stands in when there is none.
     */
    public static ConfigFailure syntax(Path file, JsonProcessingException e, String label, String fallback) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null) {
                String context = m.getContext() == null ? "" : " (" + m.getContext() + ")";
                return new ConfigFailure.Parse(
                        file,
                        m.getProblemMark().getLine() + 1,
                        m.getProblemMark().getColumn() + 1,
                        label + ": " + firstLine(m.getProblem(), fallback) + context);
            }
        }
        JsonLocation at = e.getLocation();
        return new ConfigFailure.Parse(
                file,
                at == null ? 0 : at.getLineNr(),
                at == null ? 0 : at.getColumnNr(),
                label + ": " + firstLine(e.getOriginalMessage(), fallback));
    }

    private static String firstLine(@Nullable String message, String fallback) {
        String text = message == null ? fallback : message.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }

    /** Thrown inside a reader when a mapping repeats a key; turned into a {@link ConfigFailure.Parse} at its boundary. */
    public static final class DuplicateKey extends IOException {
        private final String key;
        private final int line;
        private final int column;

        /** The repeated key and where it stands. */
        public DuplicateKey(String key, int line, int column) {
            super(key, null);
            this.key = key;
            this.line = line;
            this.column = column;
        }

        /** The failure, with {@code hint} after the key ({@code ": keep one"}, or nothing). */
        public ConfigFailure failure(Path file, String hint) {
            return new ConfigFailure.Parse(file, line, column, "duplicate key '" + key + "'" + hint);
        }
    }
}
