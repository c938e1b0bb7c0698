package dev.homestak.scenarios.e2e;

import dev.homestak.actions.ActionContext;
import dev.homestak.actions.Ports;
import dev.homestak.actions.ProxmoxClients;
import dev.homestak.actions.SshClient;
import dev.homestak.actions.SshSettings;
import dev.homestak.core.HostConfig;
import dev.homestak.core.Secret;
import dev.homestak.core.SiteConfig;
import dev.homestak.scenarios.RunListener;
import dev.homestak.scenarios.Scenario;
import dev.homestak.scenarios.ScenarioRegistry;
import dev.homestak.scenarios.ScenarioRunner;
import dev.homestak.scenarios.builtin.BuiltInScenarios;
import dev.homestak.scenarios.builtin.StandardScenarioActions;
import dev.homestak.sim.ClientKey;
import dev.homestak.sim.OpenSshAgent;
import dev.homestak.sim.SimFixtures;
import dev.homestak.sim.Simulator;
import dev.homestak.sim.SimulatorBuilder;
import dev.homestak.sim.SshKeygen;
import dev.homestak.sim.Timing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A simulated PVE host {@code sim} with a real site-config directory on disk (node {@code sim} with
 * {@code provisioner: api}, envs {@code test}, {@code ansible-test} and {@code nested-pve}), an SSH key the
 * simulator's VMs accept, and a runner wired to them. The stand-ins for the playbooks and the installer are
 * {@link SimStandIns}.
 */
final class SimSite implements AutoCloseable {

    /** The site's secret values: none of them may appear in any output. */
    static final String VM_ROOT_HASH = "$6$simsite$SecretHashOfTheSimSiteVmRootPasswordXXXXXXXX";

    static final String NESTED_TOKEN = "root@pam!tofu=00000000-0000-4000-8000-00000000abcd";

    final Simulator sim;
    final Path root;
    final SiteConfig site;
    final HostConfig host;
    final Path reports;
    final SimStandIns standIns;
    final ProxmoxClients clients;
    final SshClient ssh;
    final String keyLine;

    private SimSite(Simulator sim, Path root, SshSettings ssh, String keyLine) {
        this.sim = sim;
        this.root = root;
        this.keyLine = keyLine;
        this.site = SiteConfig.load(root.resolve("site-config")).getOrElseThrow(f -> new AssertionError(f.message()));
        this.host = site.host("sim").getOrElseThrow(f -> new AssertionError(f.message()));
        this.reports = root.resolve("reports");
        this.clients = ProxmoxClients.builder().nestedPort(sim.port()).build();
        SshClient real = SshClient.create(ssh);
        this.standIns = new SimStandIns(sim, real);
        this.ssh = standIns.installer();
    }

    /** A site on a fresh simulator with instant timing. */
    static SimSite start(Path dir) {
        return start(dir, b -> b);
    }

    /** A site on a fresh simulator; {@code tune} adds timing and faults. */
    static SimSite start(Path dir, UnaryOperator<SimulatorBuilder> tune) {
        try {
            SimFixtures.Keyed keyed = SimFixtures.start(dir.resolve("id_ecdsa"), "test@homestak", tune);
            Simulator sim = keyed.sim();
            ClientKey key = keyed.key();
            writeSiteConfig(dir.resolve("site-config"), sim, key.authorizedKey());
            return new SimSite(
                    sim,
                    dir,
                    SshSettings.builder()
                            .identityFiles(List.of(key.file()))
                            .defaultPort(sim.sshPort())
                            .connectTimeout(Duration.ofSeconds(5))
                            .build(),
                    key.authorizedKey());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * A site whose only SSH key is passphrase-protected, loaded in {@code agent} and deleted from disk: every login
     * (each hop of a jump chain too) is signed by the agent. The client has an empty home (no default keys).
     */
    static SimSite startWithAgent(Path dir, OpenSshAgent agent) {
        try {
            Path keyFile = SshKeygen.generate(dir.resolve("id_agent"), "ecdsa", "agent only passphrase");
            agent.add(keyFile, "agent only passphrase");
            Files.delete(keyFile);
            String line = Files.readString(dir.resolve("id_agent.pub")).strip();
            Simulator sim = Simulator.builder()
                    .timing(Timing.instant())
                    .authorizedKeys("agent", List.of(line))
                    .start()
                    .getOrElseThrow(f -> new AssertionError(f.message()));
            writeSiteConfig(dir.resolve("site-config"), sim, line);
            Path emptyHome = Files.createDirectories(dir.resolve("home"));
            return new SimSite(
                    sim,
                    dir,
                    SshSettings.builder()
                            .environment(emptyHome, agent.environment())
                            .defaultPort(sim.sshPort())
                            .connectTimeout(Duration.ofSeconds(5))
                            .build(),
                    line);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The built-in scenario of that name, with envs from this site's files (as the CLI loads them). */
    Scenario scenario(String name) {
        return BuiltInScenarios.all(StandardScenarioActions.create()).stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** The same scenario as the registry has it (ServiceLoader). */
    Scenario registered(String name) {
        return ScenarioRegistry.load().find(name).getOrElseThrow(f -> new AssertionError(f.message()));
    }

    /** The action context of the runs: host config, Proxmox clients, SSH (with the installer stand-in), stand-ins. */
    ActionContext context() {
        ActionContext.Builder b =
                ActionContext.builder().host(host).proxmox(clients).ssh(ssh);
        standIns.playbooks().forEach(b::standIn);
        return b.build();
    }

    /** The ports of a run on this site: its clients, SSH through the stand-ins, the playbooks' stand-ins. */
    Ports ports() {
        Ports.Builder b = Ports.builder().proxmox(clients).ssh(ssh);
        standIns.playbooks().forEach(b::standIn);
        return b.build();
    }

    /** A runner on this site, writing reports to {@link #reports}. */
    ScenarioRunner runner(RunListener... listeners) {
        ScenarioRunner.Builder b = ScenarioRunner.builder()
                .hostConfig(host)
                .site(site)
                .ports(ports())
                .reportDir(reports)
                .redact(secrets())
                .cancelGrace(Duration.ofSeconds(10));
        for (RunListener l : listeners) {
            b.listener(l);
        }
        return b.build();
    }

    /** Every secret value of the site (API tokens, root password hash). */
    List<Secret> secrets() {
        List<Secret> all = new ArrayList<>();
        all.add(sim.apiToken());
        all.add(Secret.of(NESTED_TOKEN));
        all.add(Secret.of(VM_ROOT_HASH));
        return all;
    }

    @Override
    public void close() {
        clients.close();
        sim.close();
    }

    private static void writeSiteConfig(Path dir, Simulator sim, String keyLine) throws IOException {
        SimFixtures.writeSeedSite(dir, sim, Map.of("nested-pve", NESTED_TOKEN), VM_ROOT_HASH, "test@homestak", keyLine);
        write(dir.resolve("nodes/nested-pve.yaml"), """
                parent_node: sim
                api_endpoint: "https://localhost:8006"
                datastore: local-lvm
                """);
        write(dir.resolve("vms/test13.yaml"), "image: debian-13\npreset: small\ndisk: 10\n");
        write(dir.resolve("vms/nested-pve.yaml"), "image: debian-13\ncores: 2\nmemory: 8192\ndisk: 64\n");
        write(
                dir.resolve("envs/ansible-test.yaml"),
                "vmid_base: 10100\nvms:\n  - name: deb12-test\n    template: test\n"
                        + "  - name: deb13-test\n    template: test13\n");
        write(
                dir.resolve("envs/nested-pve.yaml"),
                "vmid_base: 99800\nvms:\n  - name: nested-pve\n    template: nested-pve\n");
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
    }
}
