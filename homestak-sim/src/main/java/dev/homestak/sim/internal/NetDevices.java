package dev.homestak.sim.internal;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code netN} values as PVE stores them ({@code PVE::QemuServer::parse_net}/{@code print_net}): the model
 * with its MAC address first ({@code virtio=BC:24:11:xx:xx:xx}), then the other keys in name order. A missing
 * MAC is generated with Proxmox's prefix {@code BC:24:11} (datacenter {@code mac_prefix} default); a config
 * update without a MAC keeps the device's current one; a clone gets new ones.
 */
final class NetDevices {

    /** Proxmox's default MAC prefix (an OUI registered to Proxmox Server Solutions). */
    static final String MAC_PREFIX = "BC:24:11";

    private static final Set<String> MODELS = Set.of(
            "e1000",
            "e1000-82540em",
            "e1000-82544gc",
            "e1000-82545em",
            "e1000e",
            "i82551",
            "i82557b",
            "i82559er",
            "ne2k_isa",
            "ne2k_pci",
            "pcnet",
            "rtl8139",
            "virtio",
            "vmxnet3");
    private static final SecureRandom RANDOM = new SecureRandom();

    private NetDevices() {}

    static boolean isNet(String key) {
        return key.matches("net\\d+");
    }

    /** The stored form of {@code value}; {@code current} is the device's stored value before (or null). */
    static String normalize(String key, String value, @org.jspecify.annotations.Nullable String current) {
        Map<String, String> parsed = parse(key, value);
        if (!parsed.containsKey("macaddr") && current != null) {
            String old = parse(key, current).get("macaddr");
            if (old != null) {
                parsed.put("macaddr", old);
            }
        }
        parsed.putIfAbsent("macaddr", randomMac());
        return print(parsed);
    }

    /** The same device with a new MAC (what a clone gets). */
    static String withNewMac(String key, String value) {
        Map<String, String> parsed = parse(key, value);
        parsed.put("macaddr", randomMac());
        return print(parsed);
    }

    /** The MAC address in a stored value. */
    static String mac(String key, String value) {
        return parse(key, value).getOrDefault("macaddr", "");
    }

    private static Map<String, String> parse(String key, String value) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String part : value.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            String k = eq < 0 ? part : part.substring(0, eq);
            String v = eq < 0 ? "" : part.substring(eq + 1);
            if (MODELS.contains(k)) {
                parsed.put("model", k);
                if (!v.isEmpty()) {
                    parsed.put("macaddr", v.toUpperCase(Locale.ROOT));
                }
            } else if (eq < 0) {
                throw PveError.param(
                        key, "invalid format - value without key, but schema does not define a default key");
            } else {
                parsed.put(k, k.equals("macaddr") ? v.toUpperCase(Locale.ROOT) : v);
            }
        }
        if (!parsed.containsKey("model")) {
            throw PveError.param(key, "invalid format - property 'model' is missing");
        }
        return parsed;
    }

    private static String print(Map<String, String> parsed) {
        StringBuilder out = new StringBuilder(parsed.get("model")).append('=').append(parsed.get("macaddr"));
        Map<String, String> rest = new TreeMap<>(parsed);
        rest.remove("model");
        rest.remove("macaddr");
        rest.forEach((k, v) -> out.append(',').append(k).append('=').append(v));
        return out.toString();
    }

    private static String randomMac() {
        return String.format(
                Locale.ROOT,
                "%s:%02X:%02X:%02X",
                MAC_PREFIX,
                RANDOM.nextInt(256),
                RANDOM.nextInt(256),
                RANDOM.nextInt(256));
    }
}
