package dev.homestak.proxmox.model;

import static java.util.Objects.requireNonNull;

/**
 * An address the guest agent reports on an interface.
 *
 * @param address e.g. {@code 10.0.0.5}
 * @param type {@code ipv4} or {@code ipv6}
 * @param prefix prefix length
 */
public record IpAddress(String address, String type, int prefix) {
    /** Validates. */
    public IpAddress {
        requireNonNull(address, "address");
        requireNonNull(type, "type");
    }

    /** True for IPv4. */
    public boolean ipv4() {
        return type.equals("ipv4");
    }

    /** True for an address usable from outside the guest: not loopback, link-local or unspecified. */
    public boolean global() {
        String a = address.toLowerCase(java.util.Locale.ROOT);
        if (ipv4()) {
            return !a.startsWith("127.") && !a.startsWith("169.254.") && !a.equals("0.0.0.0");
        }
        return !a.equals("::1")
                && !a.startsWith("fe8")
                && !a.startsWith("fe9")
                && !a.startsWith("fea")
                && !a.startsWith("feb")
                && !a.equals("::");
    }

    /**
     * True for a 127.0.0.0/8 address other than {@code 127.0.0.1}: on an interface other than
     * {@code lo} it is the address of a loopback-addressed guest (the simulator's VMs), reachable from the host.
     */
    public boolean loopbackOffLo() {
        return ipv4() && address.startsWith("127.") && !address.equals("127.0.0.1");
    }
}
