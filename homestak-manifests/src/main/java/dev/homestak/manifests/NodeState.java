package dev.homestak.manifests;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A node's state, spelled as upstream's {@code execution.json}: {@code pending|running|completed|failed|destroyed}. */
public enum NodeState {
    /** Not started. */
    PENDING,
    /** Being created (a crash leaves it here). */
    RUNNING,
    /** Created and verified. */
    COMPLETED,
    /** Its create failed. */
    FAILED,
    /** Destroyed. */
    DESTROYED;

    /** The JSON spelling. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status of a JSON spelling. */
    static Optional<NodeState> ofJson(String text) {
        return Arrays.stream(values()).filter(s -> s.json().equals(text)).findFirst();
    }
}
