package dev.homestak.scenarios;

import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ApiCertificate;
import dev.homestak.actions.PortForward;
import dev.homestak.actions.ProxmoxClients;
import dev.homestak.actions.SshEndpoint;
import dev.homestak.core.HostConfig;
import dev.homestak.core.Secret;
import dev.homestak.proxmox.ProxmoxClient;
import io.vavr.control.Either;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nested PVEs of one run (the nested-pve scenarios' {@code inner_ip}), reached through SSH local port-forwards
 * from the controller instead of directly: an inner network need not be routable from the controller, as with the
 * manifests. The forward to a nested PVE is opened when an action first needs its API (over that PVE's own SSH, as
 * {@code root}, whose host key the run's SSH client verifies), with the API certificate's fingerprint read over the
 * same SSH and pinned; it stays open for the rest of the run and {@link #close()} (at the end of the run, whether
 * it passed, failed or was cancelled) closes them all. A run that starts from another run's facts (a destructor after
 * its constructor) opens its own.
 */
final class NestedApiTunnels implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NestedApiTunnels.class);
    private static final String SSH_USER = "root";

    private record Tunnel(PortForward forward, String fingerprint) {}

    private final Map<String, Tunnel> open = new LinkedHashMap<>();
    private boolean closed;

    /**
     * The Proxmox clients for a phase running in {@code ctx}: those of {@code ctx} for the host, and for a nested PVE
     * a client through this run's forward to it (the SSH of {@code ctx}, stopped by its cancellation).
     */
    ProxmoxClients clients(ActionContext ctx) {
        return new Tunnelled(ctx, this);
    }

    /** The forward to the nested PVE at {@code address}, opened on first use. */
    private synchronized Either<ActionFailure, Tunnel> tunnel(ActionContext ctx, String address) {
        if (closed) {
            return Either.left(new ActionFailure.Cancelled("reaching the nested PVE at " + address, "the run ended"));
        }
        Tunnel known = open.get(address);
        if (known != null) {
            return Either.right(known);
        }
        SshEndpoint ssh = ctx.ssh().endpoint(SSH_USER, address);
        String label = "the nested PVE at " + address;
        return ApiCertificate.fingerprint(ctx, ssh, label)
                .flatMap(fp -> ctx.ssh()
                        .forward(List.of(ssh), address, ctx.proxmox().nestedPort())
                        .map(forward -> new Tunnel(forward, fp)))
                .peek(t -> {
                    log.debug("nested PVE API through {}", t.forward().describe());
                    open.put(address, t);
                });
    }

    /** Closes every forward of the run; later requests for one fail. */
    @Override
    public void close() {
        List<Tunnel> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(open.values());
            open.clear();
        }
        all.forEach(t -> t.forward().close());
    }

    /** A phase's clients: the host's as they are, each nested PVE's through the run's forward, its certificate pinned. */
    private static final class Tunnelled implements ProxmoxClients {
        private final ActionContext ctx;
        private final NestedApiTunnels tunnels;

        Tunnelled(ActionContext ctx, NestedApiTunnels tunnels) {
            this.ctx = ctx;
            this.tunnels = tunnels;
        }

        @Override
        public Either<ActionFailure, ProxmoxClient> forHost(HostConfig host) {
            return ctx.proxmox().forHost(host);
        }

        @Override
        public Either<ActionFailure, ProxmoxClient> forNested(String address, Secret token) {
            return tunnels.tunnel(ctx, address)
                    .flatMap(t -> ctx.proxmox()
                            .forHost(HostConfig.builder()
                                    .name(address)
                                    .apiEndpoint(URI.create(
                                            "https://127.0.0.1:" + t.forward().localPort()))
                                    .apiToken(Optional.of(token))
                                    .tlsFingerprint(t.fingerprint())
                                    .insecure(false)
                                    .build()));
        }

        @Override
        public int nestedPort() {
            return ctx.proxmox().nestedPort();
        }

        /** The run's clients belong to the runner; the forwards to the run. */
        @Override
        public void close() {}

        @Override
        public String toString() {
            return ctx.proxmox() + " (nested PVEs through SSH forwards)";
        }
    }
}
