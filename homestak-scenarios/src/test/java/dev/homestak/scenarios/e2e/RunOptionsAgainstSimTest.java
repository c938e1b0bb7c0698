package dev.homestak.scenarios.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.core.Facts;
import dev.homestak.scenarios.JsonLinesListener;
import dev.homestak.scenarios.PhaseResult;
import dev.homestak.scenarios.PhaseStatus;
import dev.homestak.scenarios.RunEvent;
import dev.homestak.scenarios.RunFailure;
import dev.homestak.scenarios.RunOptions;
import dev.homestak.scenarios.RunOutcome;
import dev.homestak.scenarios.RunReport;
import dev.homestak.sim.RecordedRequest;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("run options against the simulator: --env, skip, dry-run, context file, no secrets in any output")
class RunOptionsAgainstSimTest {

    @TempDir
    Path dir;

    SimSite site;

    @BeforeEach
    void start() {
        site = SimSite.start(dir);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    @DisplayName("--env ansible-test: both VMs are created, started and waited for at the same time")
    void multiVmEnvInParallel() {
        List<RunEvent> events = new CopyOnWriteArrayList<>();
        RunReport report = site.runner(events::add)
                .run(
                        site.registered("simple-vm-roundtrip"),
                        RunOptions.builder().env("ansible-test").build())
                .get();

        assertThat(report.phases())
                .allSatisfy(p ->
                        assertThat(p.status()).as(p.name() + ": " + p.message()).isEqualTo(PhaseStatus.PASSED));
        assertThat(report.facts().get(Facts.vmIpKey("deb12-test"))).isPresent();
        assertThat(report.facts().get(Facts.vmIpKey("deb13-test"))).isPresent();
        assertThat(report.facts().get(Facts.VM_IP)).isEqualTo(report.facts().get(Facts.vmIpKey("deb12-test")));
        assertThat(report.phase("start").orElseThrow().message()).isEqualTo("Started 2 VMs: deb12-test, deb13-test");
        // parallel: both waits began before either finished
        List<String> waitLines = events.stream()
                .filter(e -> e instanceof RunEvent.Progress p && p.phase().equals("wait_ip"))
                .map(e -> ((RunEvent.Progress) e).line())
                .toList();
        assertThat(waitLines.subList(0, 2)).allMatch(l -> l.startsWith("waiting for the IP of VM 1010"));
        assertThat(report.phase("destroy").orElseThrow().message())
                .contains("VM 10100 (deb12-test)")
                .contains("VM 10101 (deb13-test)");
        assertThat(site.sim.vms()).isEmpty();
    }

    @Test
    @DisplayName("skip: skipped phases are reported skipped and not run; an unknown phase lists the valid ones")
    void skip() {
        RunReport report = site.runner()
                .run(
                        site.registered("simple-vm-roundtrip"),
                        RunOptions.builder().skip("verify_ssh").build())
                .get();

        assertThat(report.phase("verify_ssh").orElseThrow().status()).isEqualTo(PhaseStatus.SKIPPED);
        assertThat(report.outcome()).isEqualTo(RunOutcome.PASSED);
        assertThat(site.sim.vms()).isEmpty();

        RunFailure unknown = site.runner()
                .run(
                        site.registered("simple-vm-roundtrip"),
                        RunOptions.builder().skip("strat").build())
                .getLeft();
        assertThat(unknown.message())
                .isEqualTo("Unknown phase 'strat' for scenario simple-vm-roundtrip. Valid phases: "
                        + "ensure_image, provision, start, wait_ip, verify_ssh, destroy");
    }

    @Test
    @DisplayName("dry-run: every phase shown with its action, no request changes the simulator, no file is written")
    void dryRun() {
        RunReport report = site.runner()
                .run(
                        site.registered("nested-pve-roundtrip"),
                        RunOptions.builder().dryRun(true).build())
                .get();

        assertThat(report.phases())
                .hasSize(13)
                .allSatisfy(p -> assertThat(p.status()).isEqualTo(PhaseStatus.SKIPPED));
        assertThat(report.phase("provision").orElseThrow().message())
                .contains("ProvisionEnvAction")
                .contains("nested-pve");
        assertThat(site.sim.requests()).extracting(RecordedRequest::method).doesNotContain("POST", "PUT", "DELETE");
        assertThat(site.sim.vms()).isEmpty();
        assertThat(site.reports).doesNotExist();
    }

    @Test
    @DisplayName("context file: the destructor in a new runner finds the constructor's VMs from the file, pass or fail")
    void contextFileAcrossRuns() throws IOException {
        Path context = dir.resolve("ctx.json");
        RunReport built = site.runner()
                .run(
                        site.registered("simple-vm-constructor"),
                        RunOptions.builder()
                                .contextFile(context)
                                .vmId("test", 4242)
                                .build())
                .get();
        assertThat(built.outcome()).isEqualTo(RunOutcome.PASSED);
        assertThat(Files.readString(context)).contains("\"test_vm_id\": 4242").contains("\"vm_ip\": ");

        RunReport destroyed = site.runner()
                .run(
                        site.registered("simple-vm-destructor"),
                        RunOptions.builder().contextFile(context).build())
                .get();

        assertThat(destroyed.phases().get(0).message()).contains("VM 4242 (test)");
        assertThat(site.sim.vms()).isEmpty();
    }

    @Test
    @DisplayName(
            "no secret value (API tokens, root password hash, the nested PVE's token) in reports, events or context")
    void noSecretsAnywhere() throws IOException {
        StringWriter events = new StringWriter();
        Path context = dir.resolve("secrets.ctx.json");
        RunReport report = site.runner(JsonLinesListener.to(events))
                .run(
                        site.registered("nested-pve-constructor"),
                        RunOptions.builder().contextFile(context).build())
                .get();
        assertThat(report.outcome()).isEqualTo(RunOutcome.PASSED);
        String innerToken = report.facts()
                .get(dev.homestak.actions.ActionKeys.INNER_API_TOKEN)
                .orElseThrow()
                .reveal();

        StringBuilder all = new StringBuilder(events.toString()).append(Files.readString(context));
        try (Stream<Path> files = Files.list(site.reports)) {
            for (Path f : files.toList()) {
                all.append(Files.readString(f));
            }
        }
        assertThat(report.files()).hasSize(4);
        List<String> values = new java.util.ArrayList<>(
                site.secrets().stream().map(s -> s.reveal()).toList());
        values.add(innerToken);
        values.add(innerToken.substring(innerToken.indexOf('=') + 1));
        for (String secret : values) {
            assertThat(all.toString()).doesNotContain(secret);
        }
        assertThat(Files.readString(context)).contains("\"inner_api_token\": \"***\"");
        assertThat(all.toString())
                .contains("\"type\":\"phase_passed\"")
                .contains(report.phases().get(0).message());
    }

    @Test
    @DisplayName("phase durations and names reach the JUnit XML, one testcase per phase")
    void junitXml() throws IOException {
        RunReport report = site.runner()
                .run(site.registered("simple-vm-roundtrip"), RunOptions.defaults())
                .get();

        Path xml = report.files().stream()
                .filter(f -> f.toString().endsWith(".junit.xml"))
                .findFirst()
                .orElseThrow();
        String text = Files.readString(xml);
        for (PhaseResult p : report.phases()) {
            assertThat(text).contains("name=\"" + p.name() + "\"");
        }
        assertThat(text.split("<testcase ", -1)).hasSize(7);
    }
}
