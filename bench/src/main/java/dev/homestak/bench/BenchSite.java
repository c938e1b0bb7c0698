package dev.homestak.bench;

import dev.homestak.actions.ActionContext;
import dev.homestak.actions.Ports;
import dev.homestak.actions.ProxmoxClients;
import dev.homestak.actions.SshClient;
import dev.homestak.actions.SshSettings;
import dev.homestak.core.HostConfig;
import dev.homestak.core.SiteConfig;
import dev.homestak.scenarios.ScenarioRunner;
import dev.homestak.sim.Simulator;
import dev.homestak.sim.Timing;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;

/**
 * A simulator with a site-config on disk (node {@code sim}, API provisioner, env {@code bench} of N VMs), an SSH
 * key its VMs accept, and an SSH client that counts the connections it opens.
 */
final class BenchSite implements AutoCloseable {

    final Simulator sim;
    final SiteConfig site;
    final HostConfig host;
    final ProxmoxClients clients;
    final SshClient ssh;
    final Path keyFile;
    final AtomicInteger sshConnections = new AtomicInteger();

    private BenchSite(Simulator sim, Path dir, Path keyFile) {
        this.sim = sim;
        this.keyFile = keyFile;
        this.site =
                SiteConfig.load(dir.resolve("site-config")).getOrElseThrow(f -> new IllegalStateException(f.message()));
        this.host = site.host("sim").getOrElseThrow(f -> new IllegalStateException(f.message()));
        this.clients = ProxmoxClients.create();
        SshClient real = SshClient.create(SshSettings.builder()
                .identityFiles(List.of(keyFile))
                .defaultPort(sim.sshPort())
                .connectTimeout(Duration.ofSeconds(5))
                .build());
        this.ssh = new CountingSsh(real, sshConnections);
    }

    /** A site with {@code vms} VMs in env {@code bench} on a simulator with {@code timing}. */
    static BenchSite start(Path dir, Timing timing, int vms) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            KeyPair key = generator.generateKeyPair();
            Path keyFile = Files.createDirectories(dir).resolve("id_ecdsa");
            try (OutputStream out = Files.newOutputStream(keyFile)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "bench@homestak", null, out);
            }
            String line = PublicKeyEntry.toString(key.getPublic()) + " bench@homestak";
            Simulator sim = Simulator.builder()
                    .timing(timing)
                    .authorizedKeys("bench", List.of(line))
                    .start()
                    .getOrElseThrow(f -> new IllegalStateException(f.message()));
            writeSiteConfig(dir.resolve("site-config"), sim, line, vms);
            return new BenchSite(sim, dir, keyFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The action context of a run on this site. */
    ActionContext context() {
        return ActionContext.builder().host(host).proxmox(clients).ssh(ssh).build();
    }

    /** A runner writing reports under {@code reports}. */
    ScenarioRunner runner(Path reports) {
        return ScenarioRunner.builder()
                .hostConfig(host)
                .site(site)
                .ports(ports())
                .reportDir(reports)
                .build();
    }

    /** The ports of a run on this site: its clients and the counting SSH client. */
    Ports ports() {
        return Ports.builder().proxmox(clients).ssh(ssh).build();
    }

    @Override
    public void close() {
        clients.close();
        sim.close();
    }

    /** Counts every SSH connection (one per {@code exec}) of the real client. */
    private record CountingSsh(SshClient real, AtomicInteger count) implements SshClient {
        @Override
        public io.vavr.control.Either<dev.homestak.actions.ActionFailure, dev.homestak.actions.SshResult> exec(
                dev.homestak.actions.SshRequest request, dev.homestak.actions.CancellationToken cancel) {
            count.incrementAndGet();
            return real.exec(request, cancel);
        }

        @Override
        public dev.homestak.actions.SshEndpoint endpoint(String user, String host) {
            return real.endpoint(user, host);
        }
    }

    private static void writeSiteConfig(Path dir, Simulator sim, String keyLine, int vms) throws IOException {
        Files.createDirectories(dir.resolve("nodes"));
        Files.createDirectories(dir.resolve("envs"));
        Files.createDirectories(dir.resolve("vms"));
        Files.createDirectories(dir.resolve("presets"));
        Files.writeString(dir.resolve("presets/vm-small.yaml"), "cores: 2\nmemory: 2048\ndisk: 10\n");
        Files.writeString(dir.resolve("site.yaml"), "defaults:\n  datastore: local-lvm\n  ssh_user: root\n");
        Files.writeString(
                dir.resolve("secrets.yaml"),
                "api_tokens:\n  sim: \"" + sim.apiToken().reveal() + "\"\n"
                        + "passwords:\n  vm_root: \"$6$bench$hash\"\nssh_keys:\n  bench@homestak: \"" + keyLine
                        + "\"\n");
        Files.writeString(
                dir.resolve("nodes/sim.yaml"),
                "api_endpoint: \"https://" + sim.host() + ":" + sim.port() + "\"\n"
                        + "node: " + sim.node() + "\nprovisioner: api\ntls_fingerprint: \"" + sim.fingerprintSha256()
                        + "\"\n"
                        + "vm_ssh_port: " + sim.sshPort() + "\n");
        Files.writeString(dir.resolve("vms/test.yaml"), "image: debian-12\ncores: 1\nmemory: 1024\ndisk: 8\n");
        StringBuilder env = new StringBuilder("vmid_base: 99900\nvms:\n");
        for (int i = 0; i < vms; i++) {
            env.append("  - name: vm").append(i).append("\n    template: test\n");
        }
        Files.writeString(dir.resolve("envs/bench.yaml"), env.toString());
        Files.writeString(
                dir.resolve("envs/test.yaml"), "vmid_base: 99900\nvms:\n  - name: test\n    template: test\n");
    }
}
