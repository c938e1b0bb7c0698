package dev.homestak.resilience;

import dev.homestak.actions.ActionContext;
import dev.homestak.actions.Ports;
import dev.homestak.actions.ProxmoxClients;
import dev.homestak.actions.SshClient;
import dev.homestak.actions.SshSettings;
import dev.homestak.core.HostConfig;
import dev.homestak.core.RetryPolicy;
import dev.homestak.core.Secret;
import dev.homestak.core.SiteConfig;
import dev.homestak.scenarios.RunListener;
import dev.homestak.scenarios.Scenario;
import dev.homestak.scenarios.ScenarioRegistry;
import dev.homestak.scenarios.ScenarioRunner;
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
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A simulated PVE host {@code sim} with a real site-config on disk (node {@code sim}, {@code provisioner: api};
 * envs {@code test} (VM 99900), {@code pair} (99910, 99911) and {@code other} (99920)), an SSH key its VMs
 * accept, and runners wired to it as the CLI wires them. Its secrets are registered with {@link Outputs}.
 */
final class SimSite implements AutoCloseable {

    static final String VM_ROOT_HASH = "$6$resilience$HashOfTheResilienceSiteRootPasswordYYYYYYYY";
    static final String SPARE_TOKEN = "root@pam!spare=00000000-0000-4000-8000-00000000feed";

    final Simulator sim;
    final Path root;
    final SiteConfig site;
    final HostConfig host;
    final ProxmoxClients clients;
    final SshClient ssh;
    final Path keyFile;

    /**
     * The client's retry policy in this suite: six attempts instead of four, backoff 20 ms doubling to 400 ms.
     * With faults injected on one request in ten, four attempts fail once in 10,000 requests (the suite makes
     * several thousand); six make that one in a million, and the short backoff keeps the suite within budget.
     */
    static final RetryPolicy RETRY = RetryPolicy.builder()
            .maxAttempts(6)
            .backoff(Duration.ofMillis(20), Duration.ofMillis(400))
            .jitter(0.5)
            .deadline(Duration.ofSeconds(30))
            .build();

    private SimSite(Simulator sim, Path root, Path keyFile) {
        this.sim = sim;
        this.root = root;
        this.keyFile = keyFile;
        this.site = SiteConfig.load(root.resolve("site-config")).getOrElseThrow(f -> new AssertionError(f.message()));
        this.host = site.host("sim").getOrElseThrow(f -> new AssertionError(f.message()));
        this.clients = ProxmoxClients.builder().tuning(b -> b.retry(RETRY)).build();
        this.ssh = SshClient.create(SshSettings.builder()
                .identityFiles(List.of(keyFile))
                .defaultPort(sim.sshPort())
                .connectTimeout(Duration.ofSeconds(5))
                .build());
        Outputs.secrets(sim.apiToken().reveal(), VM_ROOT_HASH, SPARE_TOKEN);
    }

    /** A site on a fresh simulator; {@code tune} adds timing, seed and faults (instant timing by default). */
    static SimSite start(Path dir, UnaryOperator<SimulatorBuilder> tune) {
        try {
            Path keys = Files.createTempDirectory("resilience-key-"); // outside the scanned outputs
            SimFixtures.Keyed keyed = SimFixtures.start(keys.resolve("id_ecdsa"), "resilience@homestak", tune);
            Simulator sim = keyed.sim();
            ClientKey key = keyed.key();
            writeSiteConfig(dir.resolve("site-config"), sim, key.authorizedKey());
            return new SimSite(sim, dir, key.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A registered scenario (ServiceLoader, as the CLI finds it). */
    static Scenario scenario(String name) {
        return ScenarioRegistry.load().find(name).getOrElseThrow(f -> new AssertionError(f.message()));
    }

    /** The action context of the runs. */
    ActionContext context() {
        return ActionContext.builder().host(host).proxmox(clients).ssh(ssh).build();
    }

    /**
     * A runner writing reports to {@code reports}, masking every secret of the site, on the site-config as it is on
     * disk now (loaded for each runner, as each {@code homestak} run loads it: tests add envs to it).
     */
    ScenarioRunner runner(Path reports, RunListener... listeners) {
        ScenarioRunner.Builder b = ScenarioRunner.builder()
                .hostConfig(host)
                .site(SiteConfig.load(root.resolve("site-config")).getOrElseThrow(f -> new AssertionError(f.message())))
                .ports(Ports.builder().proxmox(clients).ssh(ssh).build())
                .reportDir(reports)
                .redact(List.of(sim.apiToken(), Secret.of(VM_ROOT_HASH), Secret.of(SPARE_TOKEN)))
                .cancelGrace(Duration.ofSeconds(10));
        for (RunListener l : listeners) {
            b.listener(l);
        }
        return b.build();
    }

    @Override
    public void close() {
        clients.close();
        sim.close();
    }

    private static void writeSiteConfig(Path dir, Simulator sim, String keyLine) throws IOException {
        SimFixtures.writeSeedSite(dir, sim, Map.of("spare", SPARE_TOKEN), VM_ROOT_HASH, "resilience@homestak", keyLine);
        Files.writeString(
                dir.resolve("envs/pair.yaml"),
                "vmid_base: 99910\nvms:\n  - name: left\n    template: test\n"
                        + "  - name: right\n    template: test\n");
        Files.writeString(
                dir.resolve("envs/other.yaml"), "vmid_base: 99920\nvms:\n  - name: other\n    template: test\n");
    }
}
