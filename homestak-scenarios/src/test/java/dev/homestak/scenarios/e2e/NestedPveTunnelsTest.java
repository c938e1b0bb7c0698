package dev.homestak.scenarios.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homestak.actions.PortForward;
import dev.homestak.core.Facts;
import dev.homestak.scenarios.RunEvent;
import dev.homestak.scenarios.RunHandle;
import dev.homestak.scenarios.RunOptions;
import dev.homestak.scenarios.RunOutcome;
import dev.homestak.scenarios.RunReport;
import dev.homestak.sim.FaultKind;
import dev.homestak.sim.FaultRule;
import dev.homestak.sim.Simulator;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nested-pve scenarios on a simulator whose nested PVEs are non-routable (the default): the inner API answers only
 * through an SSH local forward, which the run opens over the inner PVE's own SSH when it first needs the API and
 * closes when the run ends, however it ends.
 */
@DisplayName(
        "nested-pve scenarios reach a non-routable inner PVE's API through one SSH forward per run, closed at its end")
class NestedPveTunnelsTest {

    private static final int TEST_VM = 99900;

    @TempDir
    Path dir;

    SimSite site;

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    @DisplayName(
            "nested-pve-roundtrip: the inner API is refused directly, the run uses one forward to it and closes it")
    void roundtripUsesOneForward() {
        site = SimSite.start(dir);

        RunReport report = site.runner()
                .run(site.registered("nested-pve-roundtrip"), RunOptions.defaults())
                .get();

        assertThat(report.outcome()).as(report.failureSummary().orElse("")).isEqualTo(RunOutcome.PASSED);
        String innerIp = report.facts().get(Facts.INNER_IP).orElseThrow();
        assertThat(site.standIns.forwards())
                .singleElement()
                .satisfies(f -> assertThat(f.describe())
                        .contains("-> " + innerIp + ":" + site.sim.port() + " via root@" + innerIp));
        assertClosed(site.standIns.forwards().get(0));
        assertThat(site.sim.vms()).isEmpty();
    }

    @Test
    @DisplayName(
            "constructor, then destructor as a separate run from the context file (no token in it): the destructor mints"
                    + " a token over SSH and opens its own forward; each run closes its forward")
    void pairAcrossRuns() {
        site = SimSite.start(dir);
        RunOptions shared =
                RunOptions.builder().contextFile(dir.resolve("nested.ctx.json")).build();
        RunReport built = site.runner()
                .run(site.scenario("nested-pve-constructor"), shared)
                .get();
        assertThat(built.outcome()).as(built.failureSummary().orElse("")).isEqualTo(RunOutcome.PASSED);
        int innerId = built.facts().get(Facts.vmIdKey("nested-pve")).orElseThrow();
        Simulator inner = site.sim.nested(innerId).orElseThrow();
        assertThat(closedAtOnce(inner.host(), inner.port()))
                .as("the inner API closes a direct connection before the TLS handshake")
                .isTrue();
        assertThat(site.standIns.forwards()).hasSize(1);
        assertClosed(site.standIns.forwards().get(0));

        RunReport destroyed = site.runner()
                .run(site.scenario("nested-pve-destructor"), shared)
                .get();

        assertThat(destroyed.outcome())
                .as(destroyed.failureSummary().orElse(""))
                .isEqualTo(RunOutcome.PASSED);
        assertThat(destroyed.phase("cleanup_remote").orElseThrow().message())
                .contains("API token root@pam!homestak-")
                .contains("Destroyed VM " + TEST_VM + " (test)");
        assertThat(inner.vms()).isEmpty();
        assertThat(site.standIns.forwards()).hasSize(2);
        assertClosed(site.standIns.forwards().get(1));
        assertThat(site.sim.vms()).isEmpty();
    }

    @Test
    @DisplayName(
            "a run that fails inside the inner PVE: cleanup removes the test VM through the forward, then it is closed")
    void closedAfterFailure() {
        site = SimSite.start(
                dir,
                b -> b.fault(FaultRule.builder(FaultKind.TASK_FAILURE)
                        .method("POST")
                        .path("/status/start")
                        .vmid(TEST_VM)
                        .build()));

        RunReport report = site.runner()
                .run(site.registered("nested-pve-roundtrip"), RunOptions.defaults())
                .get();

        assertThat(report.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(report.phase("test_vm_start").orElseThrow().message()).isNotBlank();
        assertThat(report.phase("cleanup_remote").orElseThrow().message())
                .contains("Destroyed VM " + TEST_VM + " (test)");
        assertThat(site.standIns.forwards()).singleElement().satisfies(NestedPveTunnelsTest::assertClosed);
        assertThat(site.sim.vms()).isEmpty();
    }

    @Test
    @DisplayName(
            "a run cancelled while waiting inside the inner PVE: cleanup runs through the forward, then it is closed")
    void closedAfterCancel() throws Exception {
        site = SimSite.start(
                dir,
                b -> b.fault(FaultRule.builder(FaultKind.AGENT_NEVER_READY)
                        .vmid(TEST_VM)
                        .build()));
        CompletableFuture<Void> waiting = new CompletableFuture<>();
        RunHandle handle = site.runner(e -> {
                    if (e instanceof RunEvent.PhaseStarted p && p.phase().equals("test_vm_wait")) {
                        waiting.complete(null);
                    }
                })
                .start(site.registered("nested-pve-roundtrip"), RunOptions.defaults())
                .get();
        waiting.get(60, TimeUnit.SECONDS);

        handle.cancel();
        RunReport report = handle.report().get(60, TimeUnit.SECONDS);

        assertThat(report.outcome()).isEqualTo(RunOutcome.INTERRUPTED);
        assertThat(report.phase("cleanup_remote").orElseThrow().message())
                .contains("Destroyed VM " + TEST_VM + " (test)");
        assertThat(site.standIns.forwards()).singleElement().satisfies(NestedPveTunnelsTest::assertClosed);
        assertThat(site.sim.vms()).isEmpty();
    }

    /**
     * Whether the server closes a fresh connection without waiting for the client's TLS hello (an admitted connection
     * would wait for it: the read then times out).
     */
    private static boolean closedAtOnce(String host, int port) {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(10_000);
            return socket.getInputStream().read() == -1;
        } catch (IOException closed) {
            return !(closed instanceof java.net.SocketTimeoutException);
        }
    }

    /** A closed forward no longer listens on its local port. */
    private static void assertClosed(PortForward forward) {
        assertThatThrownBy(() -> new Socket("127.0.0.1", forward.localPort()).close())
                .as(forward.describe() + " is closed")
                .isInstanceOf(ConnectException.class);
    }
}
