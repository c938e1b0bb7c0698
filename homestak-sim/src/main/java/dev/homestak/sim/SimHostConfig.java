package dev.homestak.sim;

import dev.homestak.core.HostConfig;
import dev.homestak.core.Provisioner;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** Builds the {@link HostConfig} that points homestak at a running simulator. */
final class SimHostConfig {

    /** Shown where a message names the file a host came from: the simulator has none. */
    static final Path SOURCE = Path.of("(built-in simulator)");
    /** The simulator's thin-pool storage, where VM disks go. */
    static final String DATASTORE = "local-lvm";

    private SimHostConfig() {}

    static HostConfig of(Simulator sim, String name) {
        return HostConfig.builder()
                .name(name)
                .file(SOURCE)
                .secretsFile(SOURCE)
                .nodeName(sim.node())
                .apiEndpoint(URI.create("https://" + sim.host() + ":" + sim.port()))
                .apiTokenKey(name)
                .apiToken(Optional.of(sim.apiToken()))
                .sshHost(sim.host())
                .ip(sim.host())
                .sshUser(HostConfig.DEFAULT_SSH_USER)
                .datastore(DATASTORE)
                .provisioner(Provisioner.API)
                .tlsFingerprint(sim.fingerprintSha256())
                .vmSshPort(sim.sshPort())
                .sshKeys(sim.authorizedKeys())
                .build();
    }
}
