package dev.homestak.manifests;

import dev.homestak.actions.ActionContext;
import dev.homestak.actions.Ports;
import dev.homestak.actions.ProxmoxClients;
import dev.homestak.actions.SshClient;
import dev.homestak.actions.SshSettings;
import dev.homestak.core.HostConfig;
import dev.homestak.core.Secret;
import dev.homestak.core.SiteConfig;
import dev.homestak.core.manifest.Manifest;
import dev.homestak.core.manifest.ManifestSource;
import dev.homestak.core.manifest.Manifests;
import dev.homestak.scenarios.RunListener;
import dev.homestak.sim.ClientKey;
import dev.homestak.sim.SimFixtures;
import dev.homestak.sim.Simulator;
import dev.homestak.sim.SimulatorBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A simulated PVE host {@code sim} (instant timing) and a site-config of today's layout on disk: the v2 fixture
 * ({@code manifests/}, {@code presets/}, {@code specs/}, ...) plus a node file for the simulator, its token and an
 * SSH key its VMs accept. {@link #runner} builds a {@link ManifestRunner} on it with state and reports in the
 * test's directory.
 */
final class SimDeploy implements AutoCloseable {

    static final Path FIXTURE =
            Path.of(System.getProperty("homestak.shared", "../../shared")).resolve("fixtures/site-config-v2");

    final Simulator sim;
    final Path root;
    final Path siteDir;
    final SiteConfig site;
    final HostConfig host;
    final ProxmoxClients clients;
    final SshClient ssh;
    final Path keyFile;

    private SimDeploy(Simulator sim, Path root, Path keyFile) {
        this.sim = sim;
        this.root = root;
        this.keyFile = keyFile;
        this.siteDir = root.resolve("site-config");
        this.site = SiteConfig.load(siteDir).getOrElseThrow(f -> new AssertionError(f.message()));
        this.host = site.host("sim").getOrElseThrow(f -> new AssertionError(f.message()));
        this.clients = ProxmoxClients.builder().nestedPort(sim.port()).build();
        this.ssh = SshClient.create(SshSettings.builder()
                .identityFiles(List.of(keyFile))
                .defaultPort(sim.sshPort())
                .connectTimeout(Duration.ofSeconds(5))
                .build());
    }

    static SimDeploy start(Path dir) {
        return start(dir, b -> b);
    }

    static SimDeploy start(Path dir, UnaryOperator<SimulatorBuilder> tune) {
        try {
            SimFixtures.Keyed keyed = SimFixtures.start(dir.resolve("id_ecdsa"), "test@homestak", tune);
            Simulator sim = keyed.sim();
            ClientKey key = keyed.key();
            writeSite(dir.resolve("site-config"), sim, key.authorizedKey());
            return new SimDeploy(sim, dir, key.file());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The site's manifest {@code name} ({@code manifests/<name>.yaml}), validated. */
    Manifest manifest(String name) {
        return Manifests.load(ManifestSource.ofFlag(name), site).getOrElseThrow(f -> new AssertionError(f.message()));
    }

    /** Writes {@code <name>.yaml} (in the test's directory) with {@code count} flat vm nodes (vmids from {@code base}) and loads it. */
    Manifest flat(String name, int count, int base) {
        StringBuilder yaml = new StringBuilder(
                "schema_version: 2\nname: " + name + "\ndescription: \"flat\"\npattern: flat\n" + "nodes:\n");
        for (int i = 1; i <= count; i++) {
            yaml.append("  - name: node")
                    .append(i)
                    .append("\n    type: vm\n    spec: base\n    preset: vm-small\n")
                    .append("    image: debian-12\n    vmid: ")
                    .append(base + i)
                    .append('\n');
        }
        Path file = root.resolve(name + ".yaml");
        write(file, yaml.toString());
        return manifest(file.toString());
    }

    ActionContext context() {
        return ActionContext.builder().host(host).proxmox(clients).ssh(ssh).build();
    }

    ManifestRunner.Builder builder(RunListener... listeners) {
        ManifestRunner.Builder b = ManifestRunner.builder()
                .ports(Ports.builder().proxmox(clients).ssh(ssh).build())
                .hostConfig(host)
                .site(site)
                .stateStore(StateStore.at(root.resolve("state")))
                .reportDir(root.resolve("reports"))
                .redact(List.of(sim.apiToken()))
                .cancelGrace(Duration.ofSeconds(10));
        for (RunListener l : listeners) {
            b.listener(l);
        }
        return b;
    }

    ManifestRunner runner(RunListener... listeners) {
        return builder(listeners).build();
    }

    List<Secret> secrets() {
        return List.of(sim.apiToken());
    }

    @Override
    public void close() {
        clients.close();
        sim.close();
    }

    static void writeSite(Path dir, Simulator sim, String keyLine) throws IOException {
        copy(FIXTURE, dir);
        Files.createDirectories(dir.resolve("nodes"));
        write(dir.resolve("site.yaml"), "defaults:\n  datastore: local-lvm\n  ssh_user: root\n");
        write(
                dir.resolve("secrets.yaml"),
                "api_tokens:\n  sim: \"" + sim.apiToken().reveal() + "\"\n" + "ssh_keys:\n  test@homestak: \"" + keyLine
                        + "\"\n");
        write(dir.resolve("nodes/sim.yaml"), sim.nodeYaml());
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
