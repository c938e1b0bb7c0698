package dev.homestak.scenarios.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homestak.core.Facts;
import dev.homestak.core.internal.PyJson;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code --context-file}: a flat JSON object of facts, read before a run if it exists and written after
 * it, pass or fail (indented like the original's {@code json.dump(context, indent=2)}), atomically.
 */
public final class ContextFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ContextFiles() {
    }

    /** The facts in the file; empty facts if it does not exist; a one-line problem if it is unusable. */
    public static Either<String, Facts> read(Path file) {
        if (!Files.exists(file)) {
            return Either.right(Facts.empty());
        }
        try {
            Object parsed = JSON.readValue(file.toFile(), Object.class);
            if (!(parsed instanceof Map<?, ?> map)) {
                return Either.left("not a JSON object");
            }
            Map<String, Object> values = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (v != null) { // the original wrote None as null; an absent fact is the same thing
                    values.put(String.valueOf(k), v);
                }
            });
            return Either.right(Facts.fromMap(values));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            return Either.left("invalid JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            return Either.left("cannot read: " + ReportFiles.describe(e));
        }
    }

    /** Writes the facts (secrets redacted); a one-line problem if that fails. */
    public static Either<String, Path> write(Path file, Facts facts, Redactor redactor) {
        try {
            AtomicFiles.write(file, PyJson.pretty(redactor.redactValue(facts.asMap())));
            return Either.right(file);
        } catch (IOException | RuntimeException e) {
            return Either.left("could not write context file " + file + ": " + ReportFiles.describe(e));
        }
    }
}
