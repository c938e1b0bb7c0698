package dev.homestak.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.actions.Ports;
import dev.homestak.actions.ProxmoxClients;
import dev.homestak.core.manifest.Manifest;
import dev.homestak.core.manifest.ManifestSource;
import dev.homestak.core.manifest.Manifests;
import dev.homestak.manifests.ManifestOptions;
import dev.homestak.manifests.ManifestResult;
import dev.homestak.manifests.ManifestRunner;
import dev.homestak.manifests.StateStore;
import dev.homestak.manifests.Verb;
import dev.homestak.scenarios.PhaseStatus;
import dev.homestak.scenarios.RunEvent;
import dev.homestak.sim.FaultKind;
import dev.homestak.sim.FaultRule;
import dev.homestak.sim.InjectedFault;
import dev.homestak.sim.Simulator;
import dev.homestak.sim.SimulatorBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * {@code n3-deep} (root-pve › leaf-pve › edge) from {@code ../shared/fixtures/site-config-v2}, applied and destroyed
 * while the APIs of the inner PVEs (reached through SSH forwards, nested APIs being non-routable) answer seeded
 * transient faults; the root API answers normally, so every fault is one of an inner level.
 */
@Order(31)
@DisplayName("transient faults at inner PVE levels: n3-deep apply and destroy through the tunnels")
class InnerTransientFaultsTest {

    static final Path FIXTURE =
            Path.of(System.getProperty("homestak.shared", "../../shared")).resolve("fixtures/site-config-v2");

    /** Apply and destroy rounds (one fault in five over some 150 inner requests a round). */
    static final int ROUNDS = 3;

    /** Only the inner PVEs' node paths. */
    static final String INNER = "/nodes/(root-pve|leaf-pve)/";

    @Test
    @DisplayName(
            "apply completes, every fault answered at an inner level is a retry event, destroy leaves 0 VMs at every level")
    void n3DeepUnderInnerFaults() throws IOException {
        Path root = Outputs.dir("inner-transient");
        copyFixture(root.resolve("site-config"));
        List<RunEvent> events = new CopyOnWriteArrayList<>();
        try (SimSite site = SimSite.start(root, b -> innerFaults(b.seed(TransientFaultsTest.SEED)));
                // the suite's retry policy; nested PVEs serve on the simulator's API port
                ProxmoxClients clients = ProxmoxClients.builder()
                        .tuning(b -> b.retry(SimSite.RETRY))
                        .nestedPort(site.sim.port())
                        .build()) {
            Manifest manifest = Manifests.load(ManifestSource.ofFlag("n3-deep"), site.site)
                    .getOrElseThrow(f -> new AssertionError(f.message()));
            try (ManifestRunner runner = ManifestRunner.builder()
                    .ports(Ports.builder().proxmox(clients).ssh(site.ssh).build())
                    .hostConfig(site.host)
                    .site(site.site)
                    .stateStore(StateStore.at(root.resolve("state")))
                    .reportDir(root.resolve("reports"))
                    .redact(List.of(site.sim.apiToken()))
                    .listener(events::add)
                    .cancelGrace(Duration.ofSeconds(10))
                    .build()) {

                for (int round = 0; round < ROUNDS; round++) {
                    ManifestResult applied = runner.run(Verb.APPLY, manifest, ManifestOptions.defaults())
                            .get();
                    assertPassed(applied);
                    List<Simulator> levels = site.sim.withNested();
                    assertThat(levels)
                            .as("the target host, root-pve and leaf-pve")
                            .hasSize(3);
                    assertThat(levels).allSatisfy(l -> assertThat(l.vms()).hasSize(1));

                    ManifestResult destroyed = runner.run(Verb.DESTROY, manifest, ManifestOptions.defaults())
                            .get();
                    assertPassed(destroyed);
                    assertThat(levels)
                            .allSatisfy(l -> assertThat(l.vms()).as(l.node()).isEmpty());
                }
            }
            List<InjectedFault> faults = site.sim.faults();
            int answered = TransientFaultsTest.answered(faults);
            assertThat(faults).as("faults injected").isNotEmpty();
            assertThat(faults.stream().map(InjectedFault::kind).distinct())
                    .as("every kind injected")
                    .containsAll(KINDS);
            assertThat(faults).allSatisfy(f -> assertThat(f.target()).containsPattern("/nodes/(root-pve|leaf-pve)/"));
            assertThat(events.stream().filter(RunEvent.Retry.class::isInstance).count())
                    .as("one retry event per fault answered (%s)", faults)
                    .isEqualTo(answered);
            Files.writeString(
                    root.resolve("summary.txt"),
                    ROUNDS + " x n3-deep apply + destroy: " + answered + " faults answered at inner levels, " + answered
                            + " retry events, VMs left at every level: 0\n");
        }
    }

    /** Each transient kind of {@link TransientFaultsTest} on 4 % of the inner PVEs' node requests. */
    static final List<FaultKind> KINDS = TransientFaultsTest.KINDS;

    static SimulatorBuilder innerFaults(SimulatorBuilder b) {
        for (FaultKind kind : KINDS) {
            FaultRule.Builder rule = FaultRule.builder(kind).path(INNER).rate(0.04);
            if (kind == FaultKind.HTTP_596 || kind == FaultKind.CONNECTION_RESET) {
                rule.method("GET");
            }
            b.fault(rule.build());
        }
        return b;
    }

    private static void assertPassed(ManifestResult result) {
        assertThat(result.report().phases())
                .allSatisfy(p ->
                        assertThat(p.status()).as(p.name() + ": " + p.message()).isEqualTo(PhaseStatus.PASSED));
        assertThat(result.success()).isTrue();
    }

    private static void copyFixture(Path to) throws IOException {
        try (Stream<Path> all = Files.walk(FIXTURE)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(FIXTURE.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
