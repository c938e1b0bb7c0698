package dev.homestak.sim.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The SDN configuration of a simulated cluster: zones, vnets and subnets as written (pending) and
 * as last applied (running). Writes change only the pending side; {@link #apply()} copies it to
 * the running side, as {@code PUT /cluster/sdn} does. Guarded by the cluster's lock.
 */
final class Sdn {

    /** The three sections of PVE's SDN config ({@code zones.cfg}, {@code vnets.cfg}, {@code subnets.cfg}). */
    enum Section {
        ZONES("zone"),
        VNETS("vnet"),
        SUBNETS("subnet");

        final String singular;

        Section(String singular) {
            this.singular = singular;
        }
    }

    private final Map<Section, Map<String, Map<String, Object>>> pending = sections();
    private Map<Section, Map<String, Map<String, Object>>> running = sections();

    /** The pending objects of a section, by id (copies). */
    Map<String, Map<String, Object>> config(Section section) {
        return copy(pending.get(section));
    }

    /** The running objects of a section, by id (copies). */
    Map<String, Map<String, Object>> running(Section section) {
        return copy(running.get(section));
    }

    /** An object's pending state: {@code new}, {@code changed}, {@code deleted}, or empty when applied as is. */
    Optional<String> state(Section section, String id) {
        Map<String, Object> now = pending.get(section).get(id);
        Map<String, Object> live = running.get(section).get(id);
        if (now == null) {
            return live == null ? Optional.empty() : Optional.of("deleted");
        }
        if (live == null) {
            return Optional.of("new");
        }
        return Objects.equals(now, live) ? Optional.empty() : Optional.of("changed");
    }

    /** Every id that is pending or running, in order. */
    List<String> ids(Section section) {
        TreeMap<String, Boolean> ids = new TreeMap<>();
        pending.get(section).keySet().forEach(id -> ids.put(id, true));
        running.get(section).keySet().forEach(id -> ids.put(id, true));
        return new ArrayList<>(ids.keySet());
    }

    boolean exists(Section section, String id) {
        return pending.get(section).containsKey(id);
    }

    /** Adds an object to the pending config. */
    void put(Section section, String id, Map<String, Object> fields) {
        pending.get(section).put(id, new LinkedHashMap<>(fields));
    }

    /** Removes an object from the pending config. */
    void remove(Section section, String id) {
        pending.get(section).remove(id);
    }

    /** Makes the pending config the running one. */
    void apply() {
        Map<Section, Map<String, Map<String, Object>>> next = sections();
        for (Section s : Section.values()) {
            next.get(s).putAll(copy(pending.get(s)));
        }
        running = next;
    }

    private static Map<Section, Map<String, Map<String, Object>>> sections() {
        Map<Section, Map<String, Map<String, Object>>> map = new LinkedHashMap<>();
        for (Section s : Section.values()) {
            map.put(s, new TreeMap<>());
        }
        return map;
    }

    private static Map<String, Map<String, Object>> copy(Map<String, Map<String, Object>> section) {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        section.forEach((id, fields) -> out.put(id, new LinkedHashMap<>(fields)));
        return out;
    }
}
