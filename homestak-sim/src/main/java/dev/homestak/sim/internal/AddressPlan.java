package dev.homestak.sim.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;

/**
 * Which loopback address a VM gets: {@code 127.<p>.<x>.<y>} from its VM id where the platform
 * routes all of 127/8 to loopback (Linux), else {@code 127.0.0.1} for every VM (with distinct
 * ports). Each PVE instance (the root and every nested one) has its own prefix {@code p}, so
 * VM 100 of a nested PVE does not collide with VM 100 of its host.
 *
 * @param perVmAddresses true when every VM gets its own address
 * @param prefix         added to the second octet (0 for the root, 16·k for the k-th nested PVE)
 */
public record AddressPlan(boolean perVmAddresses, int prefix) {

    /** The plan for the root instance: per-VM addresses if {@code 127.0.0.2} can be bound. */
    public static AddressPlan detect() {
        return new AddressPlan(canBind("127.0.0.2"), 0);
    }

    /** The plan for the k-th nested PVE instance (k ≥ 1). */
    public AddressPlan nested(int k) {
        return new AddressPlan(perVmAddresses, 16 * k);
    }

    /** The address of a VM. VM ids are below 2^20 (PVE allows up to 999,999,999, which we do not model). */
    public InetAddress address(int vmid) {
        if (!perVmAddresses) {
            return loopback();
        }
        byte[] bytes = {127, (byte) (prefix + ((vmid >> 16) & 0x0f)), (byte) (vmid >> 8), (byte) vmid};
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always a valid IPv4 address", e);
        }
    }

    /** {@code 127.0.0.1}. */
    public static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always a valid IPv4 address", e);
        }
    }

    private static boolean canBind(String address) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
