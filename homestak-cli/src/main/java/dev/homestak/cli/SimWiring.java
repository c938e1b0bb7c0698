package dev.homestak.cli;

import dev.homestak.actions.ProxmoxClients;
import dev.homestak.proxmox.TlsPolicy;
import dev.homestak.sim.Simulator;
import dev.homestak.sim.VmView;
import java.util.Optional;

/**
 * What actions need to work against the embedded simulator besides its host config: clients that trust a
 * nested simulated PVE by its certificate's fingerprint and find it on the simulator's API port (the
 * playbooks' stand-ins are {@link SimPlaybooks}).
 */
final class SimWiring {

    private SimWiring() {}

    /** Proxmox clients for the simulator and its nested PVEs. */
    static ProxmoxClients clients(Simulator sim) {
        return ProxmoxClients.builder()
                .nestedPort(sim.port())
                .nestedTls(address -> vmAt(sim, address)
                        .flatMap(v -> sim.nested(v.vmid()))
                        .map(n -> TlsPolicy.pinnedSha256(n.fingerprintSha256()))
                        .orElseGet(TlsPolicy::systemTrust))
                .build();
    }

    /**
     * Proxmox clients for a standalone simulator reached over its connection file: its nested PVEs serve on its
     * API port; their certificates are not verified (as for a real host's nested PVE).
     */
    static ProxmoxClients clients(dev.homestak.core.HostConfig standalone) {
        return ProxmoxClients.builder()
                .nestedPort(standalone.apiEndpoint().map(java.net.URI::getPort).orElse(8006))
                .build();
    }

    private static Optional<VmView> vmAt(Simulator sim, String address) {
        return sim.vms().stream().filter(v -> v.address().equals(address)).findFirst();
    }
}
