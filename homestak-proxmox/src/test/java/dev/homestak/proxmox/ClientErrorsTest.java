package dev.homestak.proxmox;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.homestak.core.ManualClock;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@WireMockTest
@DisplayName("errors: PVE's status-line reasons and bodies become typed failures; only safe calls are retried")
class ClientErrorsTest {

    static final String START = "/api2/json/nodes/pve/qemu/100/status/start";
    static final String CURRENT = "/api2/json/nodes/pve/qemu/100/status/current";
    ManualClock time;
    ProxmoxClient pve;

    @BeforeEach
    void client(WireMockRuntimeInfo wm) {
        time = ManualClock.at(Instant.parse("2026-05-01T10:00:00Z"));
        pve = TestClients.client(wm, time);
    }

    @AfterEach
    void close() {
        pve.close();
    }

    ProxmoxFailure startFails() {
        return pve.node("pve").qemu(100).status().start().getLeft();
    }

    @Nested
    @DisplayName("classification")
    class Classification {
        @Test
        @DisplayName("400 carries PVE's errors map")
        void parameterInvalid() {
            stubFor(post(urlPathEqualTo(START))
                    .willReturn(WireMock.aResponse()
                            .withStatus(400)
                            .withStatusMessage("Parameter verification failed.")
                            .withBody(
                                    "{\"data\":null,\"errors\":{\"timeout\":\"type check ('integer') failed - got 'x'\\n\"},"
                                            + "\"message\":\"Parameter verification failed.\\n\"}")));
            assertThat(startFails())
                    .isInstanceOfSatisfying(
                            ProxmoxFailure.ParameterInvalid.class,
                            p -> assertThat(p.errors())
                                    .containsEntry("timeout", "type check ('integer') failed - got 'x'"));
        }

        @Test
        @DisplayName("401 is an authentication failure and is not retried")
        void auth() {
            stubFor(post(urlPathEqualTo(START)).willReturn(Pve.oldError(401, "Authentication failed!")));
            assertThat(startFails())
                    .isInstanceOf(ProxmoxFailure.Authentication.class)
                    .extracting(ProxmoxFailure::message)
                    .asString()
                    .contains("Authentication failed!");
            verify(1, postRequestedFor(urlPathEqualTo(START)));
        }

        @Test
        @DisplayName("403 names the path and the missing privilege")
        void permission() {
            stubFor(post(urlPathEqualTo(START))
                    .willReturn(Pve.error(403, "Permission check failed (/vms/100, VM.PowerMgmt)")));
            ProxmoxFailure f = startFails();
            assertThat(f).isInstanceOfSatisfying(ProxmoxFailure.PermissionDenied.class, p -> {
                assertThat(p.path()).contains("/vms/100");
                assertThat(p.privilege()).contains("VM.PowerMgmt");
            });
            assertThat(f.message()).contains("grant VM.PowerMgmt on /vms/100");
        }

        @Test
        @DisplayName("500s are told apart by PVE's text, read from the status line when the body has none")
        void byText() {
            stubFor(post(urlPathEqualTo(START))
                    .willReturn(
                            Pve.oldError(500, "Configuration file 'nodes/pve/qemu-server/100.conf' does not exist")));
            assertThat(startFails())
                    .isInstanceOf(ProxmoxFailure.NotFound.class)
                    .extracting(ProxmoxFailure::message)
                    .asString()
                    .contains("100.conf' does not exist");
            stubFor(post(urlPathEqualTo(START)).willReturn(Pve.error(500, "VM is locked (clone)")));
            assertThat(startFails())
                    .isInstanceOfSatisfying(
                            ProxmoxFailure.Locked.class,
                            l -> assertThat(l.lockType()).isEqualTo("clone"));
            stubFor(post(urlPathEqualTo("/api2/json/nodes/pve/qemu/100/agent/ping"))
                    .willReturn(Pve.error(500, "QEMU guest agent is not running")));
            assertThat(pve.node("pve").qemu(100).agent().ping().getLeft())
                    .isInstanceOf(ProxmoxFailure.AgentNotRunning.class);
            stubFor(post(urlPathEqualTo("/api2/json/nodes/pve/qemu/100/agent/ping"))
                    .willReturn(Pve.error(500, "No QEMU guest agent configured")));
            assertThat(pve.node("pve").qemu(100).agent().ping().getLeft())
                    .isInstanceOf(ProxmoxFailure.AgentNotConfigured.class);
            stubFor(post(urlPathEqualTo("/api2/json/nodes/pve/qemu/100/status/reboot"))
                    .willReturn(Pve.error(500, "VM 100 not running")));
            assertThat(pve.node("pve").qemu(100).status().reboot().getLeft())
                    .isInstanceOf(ProxmoxFailure.VmNotRunning.class);
            stubFor(post(urlPathEqualTo("/api2/json/nodes/pve/qemu"))
                    .willReturn(Pve.error(500, "unable to create VM 100 - VM 100 already exists on node 'pve'")));
            assertThat(pve.node("pve")
                            .qemu()
                            .create(dev.homestak.proxmox.model.CreateVmRequest.builder(100)
                                    .build())
                            .getLeft())
                    .isInstanceOf(ProxmoxFailure.AlreadyExists.class);
        }

        @Test
        @DisplayName("a config lock timeout is a LockTimeout, retried because a sync lock failure changed nothing")
        void lockTimeout() {
            stubFor(post(urlPathEqualTo(START))
                    .inScenario("lock")
                    .whenScenarioStateIs(STARTED)
                    .willReturn(
                            Pve.oldError(500, "can't lock file '/var/lock/qemu-server/lock-100.conf' - got timeout"))
                    .willSetStateTo("free"));
            stubFor(post(urlPathEqualTo(START))
                    .inScenario("lock")
                    .whenScenarioStateIs("free")
                    .willReturn(Pve.upid(Pve.UPID_START)));
            assertThat(pve.node("pve").qemu(100).status().start().isRight()).isTrue();
            verify(2, postRequestedFor(urlPathEqualTo(START)));
            assertThat(time.sleeps()).hasSize(1);
        }
    }

    @Nested
    @DisplayName("retries")
    class Retries {
        @Test
        @DisplayName("a read retries 596 with backoff and succeeds")
        void readRetries596() {
            stubFor(get(urlPathEqualTo(CURRENT))
                    .inScenario("slow")
                    .whenScenarioStateIs(STARTED)
                    .willReturn(Pve.oldError(596, "Connection timed out"))
                    .willSetStateTo("ok"));
            stubFor(get(urlPathEqualTo(CURRENT))
                    .inScenario("slow")
                    .whenScenarioStateIs("ok")
                    .willReturn(Pve.data("{\"vmid\":100,\"status\":\"running\"}")));
            assertThat(pve.node("pve").qemu(100).status().current().get().running())
                    .isTrue();
            verify(2, getRequestedFor(urlPathEqualTo(CURRENT)));
        }

        @Test
        @DisplayName("a write that got 596 is not resent: its outcome is unknown")
        void writeNotResent() {
            stubFor(post(urlPathEqualTo(START)).willReturn(Pve.oldError(596, "Connection timed out")));
            ProxmoxFailure f = startFails();
            assertThat(f).isInstanceOf(ProxmoxFailure.OutcomeUnknown.class);
            assertThat(f.message()).contains("re-read the state");
            verify(1, postRequestedFor(urlPathEqualTo(START)));
        }

        @Test
        @DisplayName("a write whose connection dropped after sending is not resent")
        void resetNotResent() {
            stubFor(post(urlPathEqualTo(START))
                    .willReturn(WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
            assertThat(startFails()).isInstanceOf(ProxmoxFailure.OutcomeUnknown.class);
            verify(1, postRequestedFor(urlPathEqualTo(START)));
        }

        @Test
        @DisplayName("a write is retried on 503 and 'got no worker upid' (PVE did not act)")
        void writeRetriedWhenNotActed() {
            stubFor(post(urlPathEqualTo(START))
                    .inScenario("busy")
                    .whenScenarioStateIs(STARTED)
                    .willReturn(Pve.oldError(503, "Service Unavailable"))
                    .willSetStateTo("worker"));
            stubFor(post(urlPathEqualTo(START))
                    .inScenario("busy")
                    .whenScenarioStateIs("worker")
                    .willReturn(Pve.error(500, "got no worker upid - start worker failed"))
                    .willSetStateTo("ok"));
            stubFor(post(urlPathEqualTo(START))
                    .inScenario("busy")
                    .whenScenarioStateIs("ok")
                    .willReturn(Pve.upid(Pve.UPID_START)));
            assertThat(pve.node("pve").qemu(100).status().start().get().upid().type())
                    .isEqualTo("qmstart");
            verify(3, postRequestedFor(urlPathEqualTo(START)));
            assertThat(time.sleeps())
                    .hasSize(2)
                    .allSatisfy(d -> assertThat(d.toMillis()).isBetween(100L, 5000L));
        }

        @Test
        @DisplayName("each retry is told, before its pause, to the listener of the client view the call was made on")
        void retriesObserved() {
            stubFor(post(urlPathEqualTo(START))
                    .inScenario("busy")
                    .whenScenarioStateIs(STARTED)
                    .willReturn(Pve.oldError(503, "Service Unavailable"))
                    .willSetStateTo("worker"));
            stubFor(post(urlPathEqualTo(START))
                    .inScenario("busy")
                    .whenScenarioStateIs("worker")
                    .willReturn(Pve.error(500, "got no worker upid - start worker failed"))
                    .willSetStateTo("ok"));
            stubFor(post(urlPathEqualTo(START))
                    .inScenario("busy")
                    .whenScenarioStateIs("ok")
                    .willReturn(Pve.upid(Pve.UPID_START)));
            java.util.List<RetryNotice> notices = new java.util.ArrayList<>();

            var started = pve.withRetryListener(notices::add)
                    .node("pve")
                    .qemu(100)
                    .status()
                    .start();

            assertThat(started.isRight()).isTrue();
            assertThat(notices).extracting(RetryNotice::request).containsOnly("POST /nodes/pve/qemu/100/status/start");
            assertThat(notices).extracting(RetryNotice::attempt).containsExactly(1, 2);
            assertThat(notices.get(0).problem()).contains("503");
            assertThat(notices.get(1).problem()).contains("got no worker upid");
            assertThat(notices).extracting(RetryNotice::pause).containsExactlyElementsOf(time.sleeps());
            assertThat(notices.get(0).toString()).startsWith(notices.get(0).problem() + " (attempt 1); retrying in ");
            pve.node("pve").qemu(100).status().start(); // the client itself has no listener: nobody is told
            assertThat(notices).hasSize(2);
        }

        @Test
        @DisplayName("a read gives up after the attempt limit with a Transient failure")
        void exhausted() {
            stubFor(get(urlPathEqualTo(CURRENT)).willReturn(Pve.oldError(502, "Bad Gateway")));
            ProxmoxFailure f = pve.node("pve").qemu(100).status().current().getLeft();
            assertThat(f).isInstanceOf(ProxmoxFailure.Transient.class);
            assertThat(f.isTransient()).isTrue();
            verify(ProxmoxClient.DEFAULT_RETRY.maxAttempts(), getRequestedFor(urlPathEqualTo(CURRENT)));
        }

        @Test
        @DisplayName("a refused connection is a Transport failure naming the call")
        void refused() throws Exception {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            ManualClock t = ManualClock.at(Instant.parse("2026-05-01T10:00:00Z"));
            try (ProxmoxClient dead = ProxmoxClient.builder()
                    .baseUri(URI.create("http://127.0.0.1:" + port))
                    .auth(TestClients.TOKEN)
                    .clock(t)
                    .sleeper(t)
                    .allowPlainHttpForTesting()
                    .build()
                    .get()) {
                ProxmoxFailure f = dead.version().getLeft();
                assertThat(f).isInstanceOf(ProxmoxFailure.Transport.class);
                assertThat(f.message()).startsWith("GET /version: cannot reach the PVE API");
            }
        }

        @Test
        @DisplayName("a connection closed during the TLS handshake (pveproxy restarting, a forward not up yet) is a"
                + " retried Transport failure, not a TLS verdict")
        void closedDuringHandshake() throws Exception {
            try (ServerSocket closer = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
                java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
                Thread.ofVirtual().start(() -> {
                    while (!closer.isClosed()) {
                        try (java.net.Socket s = closer.accept()) {
                            accepted.incrementAndGet(); // closed at once, before any TLS byte
                        } catch (java.io.IOException e) {
                            return;
                        }
                    }
                });
                ManualClock t = ManualClock.at(Instant.parse("2026-05-01T10:00:00Z"));
                try (ProxmoxClient client = ProxmoxClient.builder()
                        .baseUri(URI.create("https://127.0.0.1:" + closer.getLocalPort()))
                        .auth(TestClients.TOKEN)
                        .tls(TlsPolicy.insecure())
                        .clock(t)
                        .sleeper(t)
                        .build()
                        .get()) {
                    ProxmoxFailure f = client.version().getLeft();
                    assertThat(f).isInstanceOf(ProxmoxFailure.Transport.class);
                    assertThat(f.message()).startsWith("GET /version: cannot reach the PVE API");
                    assertThat(accepted.get()).isEqualTo(ProxmoxClient.DEFAULT_RETRY.maxAttempts());
                }
            }
        }
    }
}
