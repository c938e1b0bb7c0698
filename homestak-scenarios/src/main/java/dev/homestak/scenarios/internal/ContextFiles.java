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
 * it, pass or fail (indented like the original's {@code json.dump(context, indent=2)}), atomically. Besides the
 * facts it holds, as the original's context did, the run's {@code run_id} and {@code vm_id_overrides}; those are
 * run control ({@code RunControl}), not facts: read back, the overrides apply again and the old run id is dropped.
 */
public final class ContextFiles {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The run id's name in the file. */
    public static final String RUN_ID = "run_id";
    /** The {@code --vm-id} overrides' name in the file. */
    public static final String VM_ID_OVERRIDES = "vm_id_overrides";

    /**
     * What a context file gives a run.
     *
     * @param facts         the facts
     * @param vmIdOverrides the {@code vm_id_overrides} the file held (VM name to id)
     */
    public record Content(Facts facts, Map<String, Integer> vmIdOverrides) {
        /** Nothing: no file. */
        public static final Content EMPTY = new Content(Facts.empty(), Map.of());
    }

    private ContextFiles() {}

    /** The facts in the file; empty facts if it does not exist; a one-line problem if it is unusable. */
    public static Either<String, Content> read(Path file) {
        if (!Files.exists(file)) {
            return Either.right(Content.EMPTY);
        }
        try {
            Object parsed = JSON.readValue(file.toFile(), Object.class);
            if (!(parsed instanceof Map<?, ?> map)) {
                return Either.left("not a JSON object");
            }
            Map<String, Object> values = new LinkedHashMap<>();
            Map<String, Integer> overrides = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (VM_ID_OVERRIDES.equals(k) && v instanceof Map<?, ?> m) {
                    m.forEach((name, id) -> {
                        if (id instanceof Number n) {
                            overrides.put(String.valueOf(name), n.intValue());
                        }
                    });
                } else if (v != null && !RUN_ID.equals(k)) { // the original wrote None as null: an absent fact
                    values.put(String.valueOf(k), v);
                }
            });
            return Either.right(new Content(Facts.fromMap(values), overrides));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            return Either.left("invalid JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            return Either.left("cannot read: " + ReportFiles.describe(e));
        }
    }

    /** What the file of a run holds: its facts, its {@code run_id} and (when given) its {@code vm_id_overrides}. */
    public static Map<String, Object> context(Facts facts, String runId, Map<String, Integer> vmIdOverrides) {
        Map<String, Object> context = new LinkedHashMap<>(facts.asMap());
        context.put(RUN_ID, runId);
        if (!vmIdOverrides.isEmpty()) {
            context.put(VM_ID_OVERRIDES, vmIdOverrides);
        }
        return context;
    }

    /** Writes {@code context} (secrets redacted); a one-line problem if that fails. */
    public static Either<String, Path> write(Path file, Map<String, Object> context, Redactor redactor) {
        try {
            AtomicFiles.write(file, PyJson.pretty(redactor.redactValue(context)));
            return Either.right(file);
        } catch (IOException | RuntimeException e) {
            return Either.left("could not write context file " + file + ": " + ReportFiles.describe(e));
        }
    }
}
