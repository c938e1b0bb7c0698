package dev.homestak.cli;

import dev.homestak.actions.ProxmoxClients;
import dev.homestak.core.HostConfig;
import java.net.URI;

/**
 * What actions need to work against a simulator (embedded or standalone) besides its host config: clients that find
 * its nested PVEs on the simulator's API port. A run reaches them through SSH forwards that pin each one's
 * certificate (read over its SSH), so no nested trust is configured here (the playbooks' stand-ins are
 * {@link SimPlaybooks}).
 */
final class SimWiring {

    private SimWiring() {}

    /** Proxmox clients for the simulator of {@code simHost} and its nested PVEs. */
    static ProxmoxClients clients(HostConfig simHost) {
        return ProxmoxClients.builder()
                .nestedPort(simHost.apiEndpoint().map(URI::getPort).orElse(8006))
                .build();
    }
}
