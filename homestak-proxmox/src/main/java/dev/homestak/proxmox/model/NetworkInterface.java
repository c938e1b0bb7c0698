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

    /**
     * The first IPv4 address of a guest that the outside can reach: not on {@code lo}, not
     * link-local or unspecified, not {@code 127.0.0.1}. A real guest has loopback addresses only on
     * {@code lo}; a loopback-range address on another interface is a deliberately loopback-addressed
     * guest (the simulator's VMs live on 127.0.x.y), so it counts.
     */
    public static java.util.Optional<String> reachableIpv4(List<NetworkInterface> interfaces) {
        return interfaces.stream()
                .filter(i -> !i.name().equals("lo"))
                .flatMap(i -> i.addresses().stream())
                .filter(a -> a.ipv4() && (a.global() || a.loopbackOffLo()))
                .map(IpAddress::address)
                .findFirst();
    }
}
