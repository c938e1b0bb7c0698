package dev.homestak.manifests;

import dev.homestak.actions.Ports;
import dev.homestak.actions.ProxmoxClients;
import dev.homestak.actions.SshClient;
import dev.homestak.actions.SshSettings;
import dev.homestak.core.HostConfig;
import dev.homestak.core.SiteConfig;
import dev.homestak.core.manifest.Manifest;
import dev.homestak.core.manifest.ManifestSource;
import dev.homestak.core.manifest.Manifests;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The process {@link KillNineTest} kills: applies a manifest on the site's host {@code sim} (a simulator in the
 * test's process). Arguments: site-config dir, state dir, manifest file, SSH key, SSH port[, nested API port].
 */
public final class KillNineChild {

    private KillNineChild() {}

    public static void main(String[] args) {
        SiteConfig site = SiteConfig.load(Path.of(args[0])).getOrElseThrow(f -> new IllegalStateException(f.message()));
        HostConfig host = site.host("sim").getOrElseThrow(f -> new IllegalStateException(f.message()));
        Manifest manifest = Manifests.load(ManifestSource.ofFlag(args[2]), site)
                .getOrElseThrow(f -> new IllegalStateException(f.message()));
        SshClient ssh = SshClient.create(SshSettings.builder()
                .identityFiles(List.of(Path.of(args[3])))
                .defaultPort(Integer.parseInt(args[4]))
                .connectTimeout(Duration.ofSeconds(5))
                .build());
        // optional 6th argument: the nested PVEs' API port (the simulator's)
        try (ProxmoxClients clients = args.length > 5
                ? ProxmoxClients.builder().nestedPort(Integer.parseInt(args[5])).build()
                : ProxmoxClients.builder().build()) {
            ManifestRunner runner = ManifestRunner.builder()
                    .hostConfig(host)
                    .site(site)
                    .ports(Ports.builder().proxmox(clients).ssh(ssh).build())
                    .stateStore(StateStore.at(Path.of(args[1])))
                    .noReports()
                    .build();
            ManifestResult r = runner.run(Verb.APPLY, manifest, ManifestOptions.defaults())
                    .getOrElseThrow(f -> new IllegalStateException(f.message()));
            System.out.println("child finished: " + r.success());
        }
    }
}
