package dev.homestak.actions;

import java.util.List;
import java.util.Objects;

/**
 * How the SSH actions of a context reach their hosts when a request names no jump hosts of its own, as
 * {@code ProxyJump} lines in {@code ~/.ssh/config} would: the PVE host the context targets through {@code toHost}, any
 * other host (its guests) through {@code toGuests}. The target host's own network is reached directly
 * ({@link #DIRECT}); the network inside a nested PVE only through the chain of PVE hosts above it, the nested PVE
 * itself last.
 *
 * @param toHost   the jump hosts to the context's PVE host, first to last
 * @param toGuests the jump hosts to the machines that run on it, first to last
 */
public record SshRoute(List<SshEndpoint> toHost, List<SshEndpoint> toGuests) {

    /** Every host reached directly. */
    public static final SshRoute DIRECT = new SshRoute(List.of(), List.of());

    /** Validates and copies components. */
    public SshRoute {
        toHost = List.copyOf(Objects.requireNonNull(toHost, "toHost"));
        toGuests = List.copyOf(Objects.requireNonNull(toGuests, "toGuests"));
    }

    /** The route into the PVE host reached through {@code chain} (its ancestors, then itself): its guests behind it. */
    public static SshRoute inside(List<SshEndpoint> chain) {
        if (chain.isEmpty()) {
            return DIRECT;
        }
        return new SshRoute(chain.subList(0, chain.size() - 1), chain);
    }

    /** The jump hosts to {@code host}: {@link #toHost} when it is {@code pveHost}, else {@link #toGuests}. */
    public List<SshEndpoint> jumpsTo(String host, String pveHost) {
        return host.equals(pveHost) ? toHost : toGuests;
    }
}
