package dev.homestak.sim;

import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of one simulated task.
 *
 * @param upid        its UPID
 * @param type        task type ({@code qmstart}, {@code qmcreate}, ...)
 * @param id          the VM id or other subject ({@code ""} when none)
 * @param running     true until it ended
 * @param exitStatus  {@code OK} or the error text, once ended
 */
public record TaskView(String upid, String type, String id, boolean running, Optional<String> exitStatus) {
    /** Validates. */
    public TaskView {
        Objects.requireNonNull(upid, "upid");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(exitStatus, "exitStatus");
    }
}
