package dev.homestak.core.manifest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an apply does when a node fails ({@code settings.on_error}). */
public enum OnError {
    /** Halt: running branches finish their current step, nothing new starts. */
    STOP,
    /** Destroy what this apply created. */
    ROLLBACK,
    /** Go on with independent nodes; the failed node's descendants are skipped. */
    CONTINUE;

    /** The name written in YAML: {@code stop}, {@code rollback}, {@code continue}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value written {@code text} in YAML (lower case), if it is one. */
    public static Optional<OnError> ofYaml(String text) {
        return Arrays.stream(values()).filter(v -> v.yamlName().equals(text)).findFirst();
    }
}
