package dev.homestak.core.manifest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a node is configured after it is created ({@code execution.mode}). */
public enum ExecutionMode {
    /** The controller configures the node over SSH. */
    PUSH,
    /** The node configures itself at boot from a spec server; not supported yet. */
    PULL;

    /** The name written in YAML: {@code push}, {@code pull}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode written {@code text} in YAML (lower case), if it is one. */
    public static Optional<ExecutionMode> ofYaml(String text) {
        return Arrays.stream(values()).filter(v -> v.yamlName().equals(text)).findFirst();
    }
}
