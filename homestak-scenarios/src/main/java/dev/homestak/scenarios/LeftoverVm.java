package dev.homestak.scenarios;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * A VM that a homestak run created and that still exists, found by its tags.
 *
 * @param vmid   its id
 * @param name   its name
 * @param node   the node it lives on
 * @param status its power state ({@code running}, {@code stopped})
 * @param runId  the run that created it (from its {@code homestak-run-<id>} tag), if tagged with one
 */
public record LeftoverVm(int vmid, String name, String node, String status, Optional<String> runId) {

    /** Validates components. */
    public LeftoverVm {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(runId, "runId");
    }

    /**
     * When its run started (so, at most, when it was created), from the run id ({@code yyyyMMdd-HHmmss-xxxxxx}, the
     * run machine's local time); empty for a run id of another form.
     */
    public Optional<LocalDateTime> created() {
        return runId.filter(id -> id.length() >= 15).flatMap(id -> {
            try {
                return Optional.of(LocalDateTime.parse(id.substring(0, 15), STAMP));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
}
