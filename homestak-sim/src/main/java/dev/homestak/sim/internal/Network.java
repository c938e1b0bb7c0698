package dev.homestak.sim.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A node's network configuration as PVE keeps it: the running interfaces ({@code /etc/network/interfaces})
 * and the pending copy ({@code interfaces.new}) that API changes edit until {@code PUT .../network} applies
 * them. Only configuration: no traffic flows. Guarded by its own lock.
 */
final class Network {

    private Map<String, Map<String, Object>> running = new TreeMap<>();
    private Map<String, Map<String, Object>> pending;

    /** A node whose NIC is {@code nic}; with {@code bridge}, {@code vmbr0} on it with {@code cidr} (PVE's installer setup). */
    Network(String nic, boolean bridge, String cidr) {
        running.put(nic, iface(nic, "eth", bridge ? "manual" : "dhcp"));
        if (bridge) {
            Map<String, Object> vmbr = iface("vmbr0", "bridge", "static");
            vmbr.put("bridge_ports", nic);
            vmbr.put("bridge_stp", "off");
            vmbr.put("bridge_fd", "0");
            vmbr.put("autostart", 1);
            vmbr.put("cidr", cidr);
            vmbr.put("address", cidr.substring(0, cidr.indexOf('/')));
            vmbr.put("netmask", cidr.substring(cidr.indexOf('/') + 1));
            running.put("vmbr0", vmbr);
        }
        pending = copy(running);
    }

    private static Map<String, Object> iface(String name, String type, String method) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("iface", name);
        i.put("type", type);
        i.put("method", method);
        i.put("method6", "manual");
        i.put("families", List.of("inet"));
        i.put("priority", 10);
        return i;
    }

    /** The interfaces (pending view, as PVE lists them), optionally of one type ({@code any_bridge} too). */
    synchronized List<Map<String, Object>> list(String type) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Map<String, Object> i : pending.values()) {
            String t = (String) i.get("type");
            if (type.isEmpty()
                    || type.equals(t)
                    || (type.equals("any_bridge") && (t.equals("bridge") || t.equals("OVSBridge")))) {
                list.add(view(i));
            }
        }
        return list;
    }

    synchronized Map<String, Object> get(String name) {
        Map<String, Object> i = pending.get(name);
        if (i == null) {
            throw PveError.of("interface does not exist");
        }
        return view(i);
    }

    /** Adds an interface to the pending configuration. */
    synchronized void create(String name, String type, Map<String, String> options) {
        if (pending.containsKey(name)) {
            throw PveError.param("iface", "interface already exists");
        }
        if (type.equals("bridge") && !name.matches("[a-zA-Z][a-zA-Z0-9_]{1,20}[0-9]?")) {
            throw PveError.param("iface", "invalid bridge name '" + name + "'");
        }
        Map<String, Object> i =
                iface(name, type, options.containsKey("cidr") || options.containsKey("address") ? "static" : "manual");
        options.forEach(i::put);
        if (options.containsKey("autostart")) {
            i.put("autostart", Params.bool("autostart", options.get("autostart")) ? 1 : 0);
        }
        pending.put(name, i);
    }

    synchronized void delete(String name) {
        if (pending.remove(name) == null) {
            throw PveError.of("interface does not exist");
        }
    }

    /** {@code PUT .../network}: the pending configuration becomes the running one. */
    synchronized void apply() {
        running = copy(pending);
    }

    /** {@code DELETE .../network}: pending changes are dropped. */
    synchronized void revert() {
        pending = copy(running);
    }

    private Map<String, Object> view(Map<String, Object> i) {
        Map<String, Object> v = new LinkedHashMap<>(i);
        boolean active = running.containsKey((String) i.get("iface"));
        v.put("active", active ? 1 : 0);
        v.put("exists", i.get("type").equals("eth") ? 1 : active ? 1 : 0);
        if (!i.equals(running.get((String) i.get("iface")))) {
            v.put("pending", Map.of());
        }
        return v;
    }

    private static Map<String, Map<String, Object>> copy(Map<String, Map<String, Object>> map) {
        Map<String, Map<String, Object>> copy = new TreeMap<>();
        map.forEach((k, v) -> copy.put(k, new LinkedHashMap<>(v)));
        return copy;
    }
}
