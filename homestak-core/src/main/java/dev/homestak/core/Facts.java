package dev.homestak.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The immutable data bus between phases: typed keys to values, in insertion order.
 *
 * <p>This replaces the original's {@code context} dict and its {@code context_updates}. It round-trips
 * to the flat JSON object of {@code --context-file} through {@link #asMap()} and {@link #fromMap(Map)};
 * key names follow the original ({@link #VM_IP}, {@link #INNER_IP}, {@code <vmname>_vm_id}, ...).
 * Values are strings, numbers, booleans, or lists and maps of those.
 */
public final class Facts {

    /** Name of the env whose VMs a run provisions ({@code --env}). */
    public static final Key<String> ENV_NAME = Key.string("env_name");
    /** IP of the inner (nested) PVE VM. */
    public static final Key<String> INNER_IP = Key.string("inner_ip");
    /** IP of the VM under test (bootstrap, single-VM verify). */
    public static final Key<String> VM_IP = Key.string("vm_ip");
    /** IP of the test VM inside the nested PVE. */
    public static final Key<String> TEST_IP = Key.string("test_ip");
    /** Remote PVE address ({@code --remote}). */
    public static final Key<String> REMOTE_IP = Key.string("remote_ip");
    /** Run on the PVE host itself ({@code --local}). */
    public static final Key<Boolean> LOCAL_MODE = Key.of("local_mode", Boolean.class);
    /** User created by bootstrap ({@code --homestak-user}). */
    public static final Key<String> HOMESTAK_USER = Key.string("homestak_user");
    /** Hostname reported over the SSH chain by verify. */
    public static final Key<String> TEST_HOSTNAME = Key.string("test_hostname");
    /** Output of the last verification command. */
    public static final Key<String> SSH_OUTPUT = Key.string("ssh_output");

    private static final Facts EMPTY = new Facts(Map.of());

    private final Map<String, Object> values;

    private Facts(Map<String, Object> values) {
        this.values = values;
    }

    /** No facts. */
    public static Facts empty() {
        return EMPTY;
    }

    /**
     * Facts from a flat map as read from a context file; values must be JSON-like
     * (String, Number, Boolean, List, Map).
     */
    public static Facts fromMap(Map<String, ?> map) {
        Objects.requireNonNull(map, "map");
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, k)));
        return new Facts(Collections.unmodifiableMap(copy));
    }

    /** The key for the id of VM {@code vmName} ({@code <vmname>_vm_id}). */
    public static Key<Integer> vmIdKey(String vmName) {
        return Key.integer(vmName + "_vm_id");
    }

    /** The key for the IP of VM {@code vmName} ({@code <vmname>_ip}). */
    public static Key<String> vmIpKey(String vmName) {
        return Key.string(vmName + "_ip");
    }

    /**
     * The value of a key, read with its {@link FactCodec} (numbers converted to the key's type, structured facts
     * rebuilt); a value of the wrong shape throws {@link IllegalStateException} naming the key.
     */
    public <T> Optional<T> get(Key<T> key) {
        Object value = values.get(key.name());
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(key.codec().decode(value));
        } catch (IllegalStateException e) {
            throw new IllegalStateException(key.name() + " " + e.getMessage(), e);
        }
    }

    /** True when the name has a value. */
    public boolean contains(String name) {
        return values.containsKey(name);
    }

    /** A copy with one more (or a replaced) value, stored in its context-file form ({@link Key#codec()}). */
    public <T> Facts with(Key<T> key, T value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(key.name(), key.codec().encode(Objects.requireNonNull(value, key.name())));
        return new Facts(Collections.unmodifiableMap(copy));
    }

    /** A copy without the given name. */
    public Facts without(String name) {
        if (!values.containsKey(name)) {
            return this;
        }
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.remove(name);
        return new Facts(Collections.unmodifiableMap(copy));
    }

    /** These facts with {@code later}'s values added on top (later wins), as the original merges context updates. */
    public Facts merge(Facts later) {
        if (later.values.isEmpty()) {
            return this;
        }
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.putAll(later.values);
        return new Facts(Collections.unmodifiableMap(copy));
    }

    /** The flat, insertion-ordered map written to the context file. */
    public Map<String, Object> asMap() {
        return values;
    }

    /** Number of values. */
    public int size() {
        return values.size();
    }

    /** True when there are no values. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Facts that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "Facts" + values.keySet();
    }
}
