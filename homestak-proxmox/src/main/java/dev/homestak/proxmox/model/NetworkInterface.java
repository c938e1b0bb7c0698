package dev.homestak.proxmox.model;

import java.util.List;
import java.util.Optional;

/**
 * An interface from {@code agent/network-get-interfaces}.
 *
 * @param name e.g. {@code eth0}, {@code lo}
 * @param hardwareAddress MAC address
 * @param addresses its IP addresses
 */
public record NetworkInterface(String name, Optional<String> hardwareAddress, List<IpAddress> addresses) {
    /** Copies. */
    public NetworkInterface {
        java.util.Objects.requireNonNull(name, "name");
        addresses = List.copyOf(addresses);
    }
}
