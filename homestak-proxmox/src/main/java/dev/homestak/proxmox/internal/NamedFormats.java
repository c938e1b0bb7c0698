package dev.homestak.proxmox.internal;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The named formats of pve-common {@code PVE::JSONSchema} that are cheap to check, with PVE's
 * messages; {@code -list} variants check each element. Other formats are accepted unchecked.
 */
final class NamedFormats {

    private static final Pattern LIST_SEPARATOR = Pattern.compile("[,; \\x00]+");
    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    private static final Map<String, Function<String, Optional<String>>> FORMATS = Map.ofEntries(
            Map.entry("pve-vmid", v -> require(v.matches("[1-9]\\d{2,8}"), "value does not look like a valid VM ID")),
            Map.entry(
                    "pve-node",
                    v -> require(
                            v.matches("[a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?"),
                            "value does not look like a valid node name")),
            Map.entry(
                    "pve-storage-id",
                    v -> require(
                            v.matches("(?i)[a-z][a-z0-9\\-_.]*[a-z0-9]"),
                            "storage ID '" + v + "' contains illegal characters")),
            Map.entry(
                    "pve-configid",
                    v -> require(v.matches("(?i)[a-z][a-z0-9_-]+"), "invalid configuration ID '" + v + "'")),
            Map.entry(
                    "pve-volume-id",
                    v -> require(
                            v.matches("(?is)[a-z][a-z0-9\\-_.]*[a-z0-9]:.+"), "unable to parse volume ID '" + v + "'")),
            Map.entry(
                    "pve-userid",
                    v -> require(
                            v.matches("[^\\s:/]+@[A-Za-z][A-Za-z0-9.\\-_]+") && v.length() <= 64,
                            "value '" + v + "' does not look like a valid user name")),
            Map.entry(
                    "pve-tokenid",
                    v -> require(
                            v.matches("[^\\s:/]+@[A-Za-z][A-Za-z0-9.\\-_]+![A-Za-z][A-Za-z0-9.\\-_]+"),
                            "value '" + v + "' does not look like a valid token ID")),
            Map.entry("pve-poolid", v -> require(v.matches("[A-Za-z0-9\\-_/]+"), "invalid pool ID '" + v + "'")),
            Map.entry(
                    "urlencoded", v -> require(v.matches("[-%a-zA-Z0-9_.!~*'()]*"), "invalid urlencoded string: " + v)),
            Map.entry(
                    "mac-addr",
                    v -> require(
                            v.matches("(?i)[a-f0-9][02468ace](:[a-f0-9]{2}){5}"),
                            "value does not look like a valid unicast MAC address")),
            Map.entry("ipv4", v -> require(IPV4.matcher(v).matches(), "value does not look like a valid IPv4 address")),
            Map.entry("CIDRv4", v -> require(cidr4(v), "value does not look like a valid IPv4 CIDR network")),
            Map.entry("pve-storage-content", v -> require(v.matches("[a-z]+"), "invalid content type '" + v + "'")));

    private NamedFormats() {}

    /** The error text (without PVE's {@code invalid format - } prefix), or empty when valid or unchecked. */
    static Optional<String> check(String format, String value) {
        Function<String, Optional<String>> single = FORMATS.get(format);
        if (single != null) {
            return single.apply(value);
        }
        if (format.endsWith("-list")) {
            Function<String, Optional<String>> element = FORMATS.get(format.substring(0, format.length() - 5));
            if (element != null) {
                for (String part : LIST_SEPARATOR.split(value)) {
                    Optional<String> error = part.isEmpty() ? Optional.empty() : element.apply(part);
                    if (error.isPresent()) {
                        return error;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> require(boolean ok, String message) {
        return ok ? Optional.empty() : Optional.of(message);
    }

    private static boolean cidr4(String v) {
        int slash = v.indexOf('/');
        return slash > 0
                && IPV4.matcher(v.substring(0, slash)).matches()
                && v.substring(slash + 1).matches("([0-9]|[12]\\d|3[0-2])");
    }
}
