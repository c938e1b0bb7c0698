package dev.homestak.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.scenarios.PhaseResult;
import dev.homestak.scenarios.PhaseStatus;
import dev.homestak.scenarios.RunEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("manifest test (apply, verify every node, destroy) on the simulator")
class ManifestTestVerbTest {

    @TempDir
    Path dir;

    SimDeploy site;

    @AfterEach
    void stop() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    @DisplayName("n1-push passes; reports are named manifest-test-n1-push with a JUnit test case per node and step")
    void n1Push() throws Exception {
        site = SimDeploy.start(dir);
        ManifestResult result = site.runner()
                .run(Verb.TEST, site.manifest("n1-push"), ManifestOptions.defaults())
                .get();

        assertThat(result.success())
                .as(result.report().failureSummary().orElse(""))
                .isTrue();
        assertThat(result.report().phases())
                .extracting(PhaseResult::name)
                .containsExactly(
                        "image/debian-12",
                        "edge/provision",
                        "edge/start",
                        "edge/wait_ip",
                        "edge/verify_ssh",
                        "edge/verify",
                        "edge/destroy");
        assertThat(result.node("edge").orElseThrow().status()).isEqualTo("destroyed");
        assertThat(site.sim.vms()).isEmpty();
        assertThat(dir.resolve("state/sim/n1-push.json")).doesNotExist();
        assertThat(result.report().files())
                .extracting(p -> p.getFileName().toString())
                .allMatch(n -> n.matches("\\d{8}-\\d{6}\\.manifest-test-n1-push\\.passed\\.(json|md|junit\\.xml)"))
                .hasSize(3);
        Path junit = result.report().files().stream()
                .filter(p -> p.toString().endsWith(".junit.xml"))
                .findFirst()
                .orElseThrow();
        String xml = Files.readString(junit);
        assertThat(xml)
                .contains("testcase name=\"edge/provision\"")
                .contains("testcase name=\"edge/verify\"")
                .contains("tests=\"7\" failures=\"0\"");
        String json = result.toJson();
        assertThat(json)
                .startsWith("{\"verb\":\"test\",\"success\":true,\"duration_seconds\":")
                .contains("\"nodes\":[{\"name\":\"edge\",\"status\":\"destroyed\",\"vm_id\":99001,\"ip\":\"")
                .contains("\"error\":null");
    }

    @Test
    @DisplayName("a flat manifest of 16 nodes passes, nodes created at once (bounded per host) and nothing left")
    void flat16() {
        site = SimDeploy.start(dir);
        List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
        ManifestResult result = site.runner(events::add)
                .run(Verb.TEST, site.flat("flat16", 16, 99400), ManifestOptions.defaults())
                .get();

        assertThat(result.success())
                .as(result.report().failureSummary().orElse(""))
                .isTrue();
        assertThat(result.nodes())
                .hasSize(16)
                .allSatisfy(n -> assertThat(n.status()).isEqualTo("destroyed"));
        assertThat(result.report().phases())
                .allSatisfy(p -> assertThat(p.status()).isEqualTo(PhaseStatus.PASSED));
        assertThat(site.sim.vms()).isEmpty();
        assertThat(maxRunning(events)).isGreaterThan(1).isLessThanOrEqualTo(ManifestOptions.DEFAULT_PARALLEL);
    }

    @Test
    @DisplayName("--parallel 1 runs one step at a time")
    void parallelOne() {
        site = SimDeploy.start(dir);
        List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
        ManifestResult result = site.runner(events::add)
                .run(
                        Verb.APPLY,
                        site.flat("flat4", 4, 99500),
                        ManifestOptions.defaults().withParallel(1))
                .get();
        assertThat(result.success()).isTrue();
        assertThat(maxRunning(events)).isEqualTo(1);
    }

    @Test
    @DisplayName("a failed apply inside test is cleaned up (cleanup_on_failure): nothing left, reports named .failed")
    void failedTestCleansUp() {
        site = SimDeploy.start(
                dir,
                b -> b.fault(dev.homestak.sim.FaultRule.builder(dev.homestak.sim.FaultKind.TASK_FAILURE)
                        .method("POST")
                        .path("/qemu/99001/status/start$")
                        .message("start failed: no KVM")
                        .build()));
        ManifestResult result = site.runner()
                .run(Verb.TEST, site.manifest("n1-push"), ManifestOptions.defaults())
                .get();

        assertThat(result.success()).isFalse();
        assertThat(result.node("edge").orElseThrow().status()).isEqualTo("failed");
        assertThat(result.node("edge").orElseThrow().error().orElseThrow()).contains("start failed: no KVM");
        assertThat(result.report().phase("edge/destroy").orElseThrow().status()).isEqualTo(PhaseStatus.PASSED);
        assertThat(result.report().phase("edge/verify").orElseThrow().status()).isEqualTo(PhaseStatus.NOT_RUN);
        assertThat(site.sim.vms()).isEmpty();
        assertThat(result.report().files())
                .extracting(p -> p.getFileName().toString())
                .allMatch(n -> n.contains(".manifest-test-n1-push.failed."));
    }

    /** The most phases that were started and not yet ended at one time, from the event stream. */
    static int maxRunning(List<RunEvent> events) {
        int running = 0;
        int max = 0;
        synchronized (events) {
            for (RunEvent e : events) {
                if (e instanceof RunEvent.PhaseStarted) {
                    max = Math.max(max, ++running);
                } else if (e instanceof RunEvent.PhasePassed || e instanceof RunEvent.PhaseFailed) {
                    running--;
                }
            }
        }
        return max;
    }
}
