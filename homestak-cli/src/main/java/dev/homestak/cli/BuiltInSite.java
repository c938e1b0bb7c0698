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
 * defaults and its fixture's envs the built-in scenarios use: {@code test} ({@code vmid_base 99900}, one VM
 * {@code test} from template {@code test}: image debian-12, preset {@code small}, 10 GB disk; also the inner
 * env of the nested scenarios) and {@code nested-pve} ({@code vmid_base 99800}, one VM {@code nested-pve}:
 * debian-13, 2 cores, 8 GiB, 64 GB), plus the sim node. With a user's site-config the same envs fill in the
 * ones it does not define ({@link #withMissingEnvs}).
 */
final class BuiltInSite {

    /** Stands for the site-config directory in messages; nothing is read from it. */
    static final Path ROOT = Path.of("(built-in site-config)");

    private BuiltInSite() {}

    /** The built-in site with {@code sim} as its only node. */
    static SiteConfig withSim(HostConfig sim) {
        SiteConfig.Builder b = SiteConfig.builder(ROOT).siteDefaults(defaults()).host(sim);
        envs().forEach(b::env);
        templates().forEach(b::template);
        presets().forEach(b::preset);
        return b.secrets(new Secrets(
                        ROOT.resolve("secrets.yaml"),
                        sim.apiToken().map(t -> Map.of(SimHost.NAME, t)).orElse(Map.of()),
                        Map.of(),
                        keys(sim)))
                .build();
    }

    /**
     * {@code site} plus the built-in envs it does not define (with the templates and presets they name that it
     * lacks); the names added, empty when it has them all.
     */
    static SiteConfig withMissingEnvs(SiteConfig site, List<String> added) {
        Map<String, EnvConfig> envs = new LinkedHashMap<>(site.envs());
        Map<String, VmDefinition> templates = new LinkedHashMap<>(site.templates());
        Map<String, VmDefinition> presets = new LinkedHashMap<>(site.presets());
        for (EnvConfig env : envs()) {
            if (envs.putIfAbsent(env.name(), env) == null) {
                added.add(env.name());
            }
        }
        if (added.isEmpty()) {
            return site;
        }
        templates().forEach(t -> templates.putIfAbsent(t.name(), t));
        presets().forEach(p -> presets.putIfAbsent(p.name(), p));
        return new SiteConfig(
                site.root(),
                site.siteDefaults(),
                site.nodes(),
                site.hosts(),
                envs,
                templates,
                presets,
                site.secrets(),
                site.catalog(),
                site.notices());
    }

    private static List<EnvConfig> envs() {
        return List.of(
                new EnvConfig(
                        "test",
                        ROOT.resolve("envs/test.yaml"),
                        Optional.of(99900),
                        List.of(new VmInstance("test", Optional.of("test"), Map.of("name", "test"), 1))),
                new EnvConfig(
                        "nested-pve",
                        ROOT.resolve("envs/nested-pve.yaml"),
                        Optional.of(99800),
                        List.of(new VmInstance(
                                "nested-pve", Optional.of("nested-pve"), Map.of("name", "nested-pve"), 1))));
    }

    private static List<VmDefinition> templates() {
        Path vms = ROOT.resolve("vms");
        return List.of(
                new VmDefinition(
                        "test",
                        vms.resolve("test.yaml"),
                        Optional.of("small"),
                        ordered("image", "debian-12", "disk", 10)),
                new VmDefinition(
                        "nested-pve",
                        vms.resolve("nested-pve.yaml"),
                        Optional.empty(),
                        ordered("image", "debian-13", "cores", 2, "memory", 8192, "disk", 64)));
    }

    private static List<VmDefinition> presets() {
        return List.of(new VmDefinition(
                "small",
                ROOT.resolve("vms/presets/small.yaml"),
                Optional.empty(),
                ordered("cores", 2, "memory", 2048, "disk", 8)));
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
