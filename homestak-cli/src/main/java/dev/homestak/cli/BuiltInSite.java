package dev.homestak.cli;

import dev.homestak.core.EnvConfig;
import dev.homestak.core.HostConfig;
import dev.homestak.core.Secrets;
import dev.homestak.core.SiteConfig;
import dev.homestak.core.VmDefinition;
import dev.homestak.core.VmInstance;
import dev.homestak.sim.Simulator;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The site-config the {@code sim} host uses when there is none (a fresh clone): the original's site
 * defaults and its {@code test} fixture (env {@code test}, {@code vmid_base 99900}, one VM {@code test}
 * from template {@code test}: image debian-12, preset {@code small}, 10 GB disk), plus the sim node.
 */
final class BuiltInSite {

    /** Stands for the site-config directory in messages; nothing is read from it. */
    static final Path ROOT = Path.of("(built-in site-config)");

    private BuiltInSite() {
    }

    /** The built-in site with {@code sim} as its only node. */
    static SiteConfig withSim(HostConfig sim) {
        Path vms = ROOT.resolve("vms");
        return SiteConfig.builder(ROOT)
                .siteDefaults(defaults())
                .host(sim)
                .env(new EnvConfig("test", ROOT.resolve("envs/test.yaml"), Optional.of(99900),
                        List.of(new VmInstance("test", Optional.of("test"), Map.of("name", "test"), 1))))
                .template(new VmDefinition("test", vms.resolve("test.yaml"), Optional.of("small"),
                        ordered("image", "debian-12", "disk", 10)))
                .preset(new VmDefinition("small", vms.resolve("presets/small.yaml"), Optional.empty(),
                        ordered("cores", 2, "memory", 2048, "disk", 8)))
                .secrets(new Secrets(ROOT.resolve("secrets.yaml"),
                        sim.apiToken().map(t -> Map.of(SimHost.NAME, t)).orElse(Map.of()), Map.of(), keys(sim)))
                .build();
    }

    /** {@code site.yaml} defaults of the original's fixture, with the simulator's VM-disk storage. */
    static Map<String, Object> defaults() {
        return ordered("timezone", "UTC", "domain", "local", "datastore", "local-lvm", "ssh_user", "root");
    }

    /**
     * The host config of a running simulator (its API endpoint with the certificate fingerprint pinned, its
     * token, the native API provisioner, the VMs' SSH port and the keys they accept), as part of this site.
     */
    static HostConfig simHost(Simulator sim, Map<String, Object> siteDefaults) {
        return sim.hostConfig(SimHost.NAME).toBuilder()
                .file(ROOT.resolve("nodes/sim.yaml"))
                .siteDefaults(siteDefaults)
                .build();
    }

    private static Map<String, String> keys(HostConfig sim) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (int i = 0; i < sim.sshKeys().size(); i++) {
            keys.put("key" + (i + 1), sim.sshKeys().get(i));
        }
        return keys;
    }

    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
