package ${package};

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.homestak.actions.ProxmoxClients;
import dev.homestak.manifests.ManifestResult;
import dev.homestak.manifests.NodeResult;
import dev.homestak.manifests.Verb;
import dev.homestak.scenarios.PhaseResult;
import dev.homestak.scenarios.PhaseStatus;
import dev.homestak.sim.RecordedRequest;
import dev.homestak.sim.Simulator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code manifest test} (create every node, verify it over SSH, destroy it) of the site's manifests on the Proxmox VE
 * simulator, through homestak's {@code ManifestRunner}. The simulator's nested PVEs answer only through SSH
 * forwarding, so n2-push reaches root-pve's API the way it must behind a real nested PVE's inner network.
 */
@DisplayName("${siteName} manifests on the Proxmox VE simulator")
class SiteManifestsTest {

    static final String NODE = Main.DEFAULT_NODE;
    static final Predicate<RecordedRequest> CREATE = r -> r.method().equals("POST") && r.path().endsWith("/qemu");
    static final Predicate<RecordedRequest> DELETE = r -> r.method().equals("DELETE") && r.path().contains("/qemu/");

    @TempDir
    Path tmp;

    Simulator sim;
    ProxmoxClients clients;
    SimulatorSite site;

    @BeforeEach
    void start() {
        sim = SimulatorSite.start(NODE);
        clients = SimulatorSite.clients(sim);
        site = SimulatorSite.create(sim, SiteConfigTest.SITE_CONFIG, tmp, NODE);
    }

    @AfterEach
    void stop() {
        clients.close();
        sim.close();
    }

    ManifestResult test(String manifest) {
        Main.Options common = Main.Options.defaults().withSiteConfig(site.siteConfig())
                .withReports(tmp.resolve("reports")).withIdentity(site.identity());
        SiteManifests.Options options = new SiteManifests.Options(Optional.of(Verb.TEST), manifest, common,
                Optional.of(tmp.resolve("state")));
        return SiteManifests.run(options, clients, System.out).getOrElseThrow(message -> new AssertionError(message));
    }

    @Test
    @DisplayName("n1-push passes manifest test: edge created, verified over SSH and destroyed; 0 VMs left")
    void n1Push() {
        ManifestResult result = test("n1-push");

        assertThat(result.success()).as(result.report().failureSummary().orElse("")).isTrue();
        assertThat(result.report().phases()).extracting(PhaseResult::name)
                .contains("edge/provision", "edge/start", "edge/verify_ssh", "edge/verify", "edge/destroy");
        assertThat(result.report().phases()).extracting(PhaseResult::status).containsOnly(PhaseStatus.PASSED);
        assertThat(result.nodes()).singleElement().satisfies(edge -> {
            assertThat(edge.status()).isEqualTo("destroyed");
            assertThat(edge.vmId()).contains(99001);
        });
        assertThat(sim.requests()).filteredOn(CREATE).singleElement()
                .satisfies(r -> assertThat(r.params()).containsEntry("vmid", "99001"));
        assertThat(sim.requests()).filteredOn(DELETE).isNotEmpty();
        assertThat(sim.vms()).isEmpty();
        assertThat(tmp.resolve("state").resolve(NODE).resolve("n1-push.json")).as("deployment state").doesNotExist();
    }

    @Test
    @DisplayName("n2-push passes manifest test: edge created inside root-pve through its API, both destroyed; 0 VMs left")
    void n2Push() {
        ManifestResult result = test("n2-push");

        assertThat(result.success()).as(result.report().failureSummary().orElse("")).isTrue();
        assertThat(result.report().phases()).extracting(PhaseResult::name)
                .contains("root-pve/provision", "root-pve/prepare", "edge/provision", "edge/verify", "edge/destroy",
                        "root-pve/destroy");
        assertThat(result.report().phases()).extracting(PhaseResult::status).containsOnly(PhaseStatus.PASSED);
        assertThat(result.nodes()).extracting(NodeResult::name, NodeResult::status)
                .containsExactlyInAnyOrder(tuple("root-pve", "destroyed"),
                        tuple("edge", "destroyed"));
        // root-pve on the target host; edge by root-pve's own API (a nested PVE), never on the target host
        assertThat(sim.requests()).filteredOn(CREATE).singleElement()
                .satisfies(r -> assertThat(r.params()).containsEntry("vmid", "99011"));
        assertThat(sim.requestsIncludingNested()).filteredOn(CREATE)
                .anySatisfy(r -> assertThat(r.params()).containsEntry("vmid", "99021"));
        // every request at every level within the PVE API schema (the simulator answers 400 otherwise)
        assertThat(sim.requestsIncludingNested()).allSatisfy(r -> assertThat(r.status())
                .as(r.method() + " " + r.path()).isLessThan(400));
        assertThat(sim.vms()).isEmpty();
    }

    @Test
    @DisplayName("runs from the command line (Main manifest test n1-push): exit code 0, a line per node, no token printed")
    void main() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Main.run(List.of("manifest", "test", "n1-push", "--node", NODE, "--site-config",
                site.siteConfig().toString(), "--reports", tmp.resolve("reports").toString(), "--state",
                tmp.resolve("state").toString(), "--identity", site.identity().toString()), clients,
                SiteScenariosTest.print(out), SiteScenariosTest.print(err));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("[edge/provision] ok")
                .contains("test n1-push on " + NODE + ": passed").contains("  edge: destroyed vmid 99001")
                .doesNotContain(sim.apiToken().reveal());
        assertThat(sim.vms()).isEmpty();
    }

    @Test
    @DisplayName("Main manifest plan n2-push shows each node by its path as create, and changes nothing")
    void plan() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Main.run(List.of("manifest", "plan", "n2-push", "--site-config", site.siteConfig().toString(),
                "--state", tmp.resolve("state").toString(), "--identity", site.identity().toString()), clients,
                SiteScenariosTest.print(out), SiteScenariosTest.print(err));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("root-pve › edge").contains("create");
        assertThat(sim.requests()).noneMatch(CREATE.or(DELETE));
    }

    @Test
    @DisplayName("an unknown verb is one line with the usage, exit code 2")
    void unknownVerb() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Main.run(List.of("manifest", "deploy", "n1-push"), clients,
                SiteScenariosTest.print(new ByteArrayOutputStream()), SiteScenariosTest.print(err));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("error: unknown manifest verb deploy ("
                + SiteManifests.USAGE + ")" + System.lineSeparator());
    }

    @Test
    @DisplayName("an unknown manifest is one line naming it, exit code 2, and nothing created")
    void unknownManifest() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Main.run(List.of("manifest", "test", "nosuch", "--site-config", site.siteConfig().toString()),
                clients, SiteScenariosTest.print(new ByteArrayOutputStream()), SiteScenariosTest.print(err));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: ").contains("nosuch").hasLineCount(1);
        assertThat(sim.requests()).noneMatch(CREATE);
    }
}
