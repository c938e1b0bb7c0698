package dev.homestak.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of an env's {@code vms:} list: its name, the template it uses and the keys it overrides.
 *
 * @param name the VM name ({@code name:}, required)
 * @param template the {@code template:} FK into {@code vms/}, if any
 * @param values the instance's keys without {@code template}, in file order (including {@code name})
 * @param line the line of the entry in the env file (0 when unknown), for messages
 */
public record VmInstance(String name, Optional<String> template, Map<String, Object> values, int line) {

    /** Validates components and copies the values, keeping their order. */
    public VmInstance {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(template, "template");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
