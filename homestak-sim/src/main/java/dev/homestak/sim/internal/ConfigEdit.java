package dev.homestak.sim.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Applies VM options from a create or config call, the way PVE writes them into the config. */
final class ConfigEdit {

    /** Parameters that steer the call rather than being VM options. */
    private static final Set<String> CONTROL = Set.of(
            "node",
            "vmid",
            "start",
            "storage",
            "unique",
            "force",
            "archive",
            "pool",
            "delete",
            "revert",
            "digest",
            "skiplock",
            "background_delay",
            "live-restore",
            "bwlimit",
            "ha-managed");

    private ConfigEdit() {}

    /** The VM options among the parameters, disks allocated. */
    static void apply(Storage storage, Vm vm, Map<String, String> params) {
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (CONTROL.contains(e.getKey())) {
                continue;
            }
            String value = e.getValue();
            if (Disks.isDisk(e.getKey())) {
                vm.pve |= Disks.importsPve(value);
                value = Disks.allocate(storage, vm.vmid, e.getKey(), value, vm.config);
            } else if (NetDevices.isNet(e.getKey())) {
                value = NetDevices.normalize(e.getKey(), value, vm.config.get(e.getKey()));
            } else if (e.getKey().equals("vmgenid") && value.equals("1")) {
                // PVE generates the id when asked with 1 (0 disables it)
                value = java.util.UUID.randomUUID().toString();
            }
            vm.config.put(e.getKey(), value);
        }
        params.getOrDefault("delete", "")
                .lines()
                .flatMap(l -> java.util.Arrays.stream(l.split("[,;\\s]")))
                .filter(k -> !k.isBlank())
                .forEach(k -> {
                    String removed = vm.config.remove(k);
                    if (removed != null && Disks.isDisk(k)) {
                        // PVE keeps a detached disk as unusedN; the sim drops it with its volume
                        storage.remove(removed.split(",")[0]);
                    }
                });
    }

    /** Fails like PVE when the caller's digest does not match the current config. */
    static void checkDigest(Vm vm, Map<String, String> params) {
        String digest = params.get("digest");
        if (digest != null && !digest.equals(digest(vm.config))) {
            throw PveError.of("detected modified configuration - file changed by other user? Try again.");
        }
    }

    /** SHA-1 of the config text, as PVE's {@code digest}. */
    static String digest(Map<String, String> config) {
        StringBuilder text = new StringBuilder();
        config.forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
        try {
            byte[] sha =
                    MessageDigest.getInstance("SHA-1").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }

    /** The config as {@code GET .../config} returns it. */
    static Map<String, Object> view(Vm vm) {
        Map<String, Object> view = new LinkedHashMap<>(vm.config);
        view.put("digest", digest(vm.config));
        return view;
    }
}
