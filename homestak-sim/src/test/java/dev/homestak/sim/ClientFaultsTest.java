package dev.homestak.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homestak.core.RetryPolicy;
import dev.homestak.proxmox.Auth;
import dev.homestak.proxmox.Polling;
import dev.homestak.proxmox.ProxmoxClient;
import dev.homestak.proxmox.ProxmoxFailure;
import dev.homestak.proxmox.Timeouts;
import dev.homestak.proxmox.TlsPolicy;
import dev.homestak.proxmox.model.CreateVmRequest;
import dev.homestak.proxmox.model.VmConfigUpdate;
import io.vavr.control.Either;
import java.io.IOException;
import java.security.KeyPair;
import java.time.Duration;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.transport.verification.PromiscuousVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Each injected fault kind as the homestak client sees it, and which ones it retries (counted in
 * the simulator's request log). The client retries at most {@value #ATTEMPTS} times, quickly.
 */
@DisplayName("Injected faults as the homestak client sees them")
class ClientFaultsTest {

    private static final int ATTEMPTS = 4;
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String START = "/nodes/pve/qemu/100/status/start";

    private Simulator sim;
    private ProxmoxClient pve;

    private void start(FaultRule... rules) {
        SimulatorBuilder builder = Simulator.builder();
        for (FaultRule rule : rules) {
            builder.fault(rule);
        }
        sim = builder.start().getOrElseThrow(f -> new AssertionError(f.message()));
        pve = client(Timeouts.defaults(), ATTEMPTS);
    }

    private ProxmoxClient client(Timeouts timeouts, int attempts) {
        Auth auth = Auth.parseToken(sim.apiToken()).getOrElseThrow(reason -> new AssertionError(reason));
        return ProxmoxClient.builder()
                .baseUri(sim.baseUri())
                .auth(auth)
                .tls(TlsPolicy.pinnedSha256(sim.fingerprintSha256()))
                .retry(RetryPolicy.builder()
                        .maxAttempts(attempts)
                        .backoff(Duration.ofMillis(1), Duration.ofMillis(5))
                        .jitter(0.5)
                        .deadline(WAIT)
                        .build())
                .polling(new Polling(Duration.ofMillis(20), Duration.ofMillis(50)))
                .timeouts(timeouts)
                .build()
                .getOrElseThrow(f -> new AssertionError(f.message()));
    }

    @AfterEach
    void stop() {
        if (pve != null) {
            pve.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private long sent(String method, String path) {
        return sim.requests().stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path))
                .count();
    }

    private void createVm(boolean startIt) {
        var node = pve.node("pve");
        node.qemu()
                .create(CreateVmRequest.builder(100).name("vm").agent(true).build())
                .flatMap(t -> t.await(WAIT))
                .get();
        if (startIt) {
            node.qemu(100).status().start().flatMap(t -> t.await(WAIT)).get();
        }
    }

    @Nested
    @DisplayName("HTTP errors")
    class HttpErrors {

        @Test
        @DisplayName("500 'got no worker upid' is Transient; a read is retried until the attempts run out")
        void http500Read() {
            start(FaultRule.builder(FaultKind.HTTP_500)
                    .method("GET")
                    .path("^/nodes/pve/qemu$")
                    .build());
            ProxmoxFailure f = pve.node("pve").qemu().list().getLeft();
            assertThat(f)
                    .isInstanceOfSatisfying(
                            ProxmoxFailure.Transient.class,
                            t -> assertThat(t.status()).isEqualTo(500));
            assertThat(sent("GET", "/nodes/pve/qemu")).isEqualTo(ATTEMPTS);
            assertThat(sim.faultCount(FaultKind.HTTP_500)).isEqualTo(ATTEMPTS);
        }

        @Test
        @DisplayName("500 'got no worker upid' on a write is retried too (PVE did not act) and then succeeds")
        void http500Write() {
            start(FaultRule.builder(FaultKind.HTTP_500)
                    .method("POST")
                    .path("/status/start$")
                    .nth(1)
                    .build());
            createVm(false);
            assertThat(pve.node("pve")
                            .qemu(100)
                            .status()
                            .start()
                            .flatMap(t -> t.await(WAIT))
                            .isRight())
                    .isTrue();
            assertThat(sent("POST", START)).isEqualTo(2);
            assertThat(sim.vm(100).orElseThrow().status()).isEqualTo(PowerState.RUNNING);
        }

        @Test
        @DisplayName("503 is Transient; a read that meets it once is retried and succeeds")
        void http503() {
            start(
                    FaultRule.builder(FaultKind.HTTP_503)
                            .path("^/version$")
                            .nth(1)
                            .build(),
                    FaultRule.builder(FaultKind.HTTP_503).path("^/nodes$").build());
            assertThat(pve.version().isRight()).isTrue();
            assertThat(sent("GET", "/version")).isEqualTo(2);
            assertThat(pve.nodes().getLeft())
                    .isInstanceOfSatisfying(
                            ProxmoxFailure.Transient.class,
                            t -> assertThat(t.status()).isEqualTo(503));
            assertThat(sent("GET", "/nodes")).isEqualTo(ATTEMPTS);
        }

        @Test
        @DisplayName("596 is Transient (retried) for a read, OutcomeUnknown (never resent) for a write")
        void http596() {
            start(
                    FaultRule.builder(FaultKind.HTTP_596).path("^/version$").build(),
                    FaultRule.builder(FaultKind.HTTP_596)
                            .method("POST")
                            .path("/status/start$")
                            .build());
            assertThat(pve.version().getLeft())
                    .isInstanceOfSatisfying(
                            ProxmoxFailure.Transient.class,
                            t -> assertThat(t.status()).isEqualTo(596));
            assertThat(sent("GET", "/version")).isEqualTo(ATTEMPTS);
            createVm(false);
            assertThat(pve.node("pve").qemu(100).status().start().getLeft())
                    .isInstanceOf(ProxmoxFailure.OutcomeUnknown.class);
            assertThat(sent("POST", START)).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("connection faults")
    class Connection {

        @Test
        @DisplayName("a reset is Transport (retried) for a read, OutcomeUnknown (never resent) for a write")
        void reset() {
            start(
                    FaultRule.builder(FaultKind.CONNECTION_RESET)
                            .path("^/nodes$")
                            .build(),
                    FaultRule.builder(FaultKind.CONNECTION_RESET)
                            .method("POST")
                            .path("/status/start$")
                            .build());
            assertThat(pve.nodes().getLeft()).isInstanceOf(ProxmoxFailure.Transport.class);
            assertThat(sent("GET", "/nodes")).isEqualTo(ATTEMPTS);
            createVm(false);
            assertThat(pve.node("pve").qemu(100).status().start().getLeft())
                    .isInstanceOf(ProxmoxFailure.OutcomeUnknown.class);
            assertThat(sent("POST", START)).isEqualTo(1);
            assertThat(sim.faultCount(FaultKind.CONNECTION_RESET)).isEqualTo(ATTEMPTS + 1);
        }

        @Test
        @DisplayName("a response slower than the client's read timeout is Transport, retried; a faster one succeeds")
        void slow() {
            start(
                    FaultRule.builder(FaultKind.SLOW_RESPONSE)
                            .path("^/version$")
                            .delay(Duration.ofMillis(1500))
                            .build(),
                    FaultRule.builder(FaultKind.SLOW_RESPONSE)
                            .path("^/nodes$")
                            .delay(Duration.ofMillis(150))
                            .build());
            try (ProxmoxClient impatient = client(new Timeouts(WAIT, Duration.ofMillis(600), WAIT), 2)) {
                assertThat(impatient.version().getLeft()).isInstanceOf(ProxmoxFailure.Transport.class);
                assertThat(sim.faultCount(FaultKind.SLOW_RESPONSE)).isEqualTo(2);
                long t0 = System.nanoTime();
                assertThat(impatient.nodes().isRight()).isTrue();
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
            }
        }
    }

    @Nested
    @DisplayName("PVE-level faults")
    class PveLevel {

        @Test
        @DisplayName("a lock timeout on a sync write is LockTimeout, retried (PVE did not act) until it clears")
        void lockTimeout() {
            start(FaultRule.builder(FaultKind.LOCK_TIMEOUT)
                    .method("PUT")
                    .path("/config$")
                    .nth(1)
                    .build());
            createVm(false);
            var vm = pve.node("pve").qemu(100);
            assertThat(vm.setConfig(VmConfigUpdate.builder().set("cores", "2").build())
                            .isRight())
                    .isTrue();
            assertThat(sent("PUT", "/nodes/pve/qemu/100/config")).isEqualTo(2);
            assertThat(vm.config().get().toString()).contains("cores");
            sim.inject(FaultRule.builder(FaultKind.LOCK_TIMEOUT)
                    .method("PUT")
                    .path("/config$")
                    .build());
            assertThat(vm.setConfig(VmConfigUpdate.builder().set("cores", "4").build())
                            .getLeft())
                    .isInstanceOfSatisfying(
                            ProxmoxFailure.LockTimeout.class,
                            l -> assertThat(l.reason()).contains("lock-100.conf"));
        }

        @Test
        @DisplayName("a task failure is TaskFailed with the exit status, and the start is not resent")
        void taskFailure() {
            start(FaultRule.builder(FaultKind.TASK_FAILURE)
                    .path("/status/start$")
                    .message("start failed: QEMU exited with code 1")
                    .build());
            createVm(false);
            Either<ProxmoxFailure, ?> result =
                    pve.node("pve").qemu(100).status().start().flatMap(t -> t.await(WAIT));
            assertThat(result.getLeft())
                    .isInstanceOfSatisfying(
                            ProxmoxFailure.TaskFailed.class,
                            t -> assertThat(t.exitStatus()).isEqualTo("start failed: QEMU exited with code 1"));
            assertThat(sent("POST", START)).isEqualTo(1);
            assertThat(sim.vm(100).orElseThrow().status()).isEqualTo(PowerState.STOPPED);
        }

        @Test
        @DisplayName(
                "an agent that never becomes ready is AgentNotRunning (left to the waits, not resent); awaitAgent times out")
        void agentNeverReady() {
            start(FaultRule.builder(FaultKind.AGENT_NEVER_READY).vmid(100).build());
            createVm(true);
            var vm = pve.node("pve").qemu(100);
            assertThat(vm.agent().networkGetInterfaces().getLeft()).isInstanceOf(ProxmoxFailure.AgentNotRunning.class);
            assertThat(sent("GET", "/nodes/pve/qemu/100/agent/network-get-interfaces"))
                    .isEqualTo(1);
            assertThat(vm.awaitAgent(Duration.ofMillis(500)).getLeft()).isInstanceOf(ProxmoxFailure.WaitTimeout.class);
            assertThat(sent("POST", "/nodes/pve/qemu/100/agent/ping")).isGreaterThanOrEqualTo(2);
            assertThat(sim.faultCount(FaultKind.AGENT_NEVER_READY)).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("SSH")
    class Ssh {

        @Test
        @DisplayName("refused SSH makes an sshj connect to the VM fail, while the API reports the VM running")
        void refused() {
            KeyPair key = TestKeys.ec();
            start(FaultRule.builder(FaultKind.SSH_REFUSED).vmid(100).build());
            sim.authorizeKey(TestKeys.line(key)).get();
            createVm(true);
            VmView vm = sim.vm(100).orElseThrow();
            assertThat(pve.node("pve").qemu(100).status().current().get().status())
                    .isEqualTo("running");
            assertThatThrownBy(() -> {
                        try (SSHClient ssh = new SSHClient()) {
                            ssh.addHostKeyVerifier(new PromiscuousVerifier());
                            ssh.setConnectTimeout(5000);
                            ssh.connect(vm.address(), vm.sshPort());
                        }
                    })
                    .isInstanceOf(IOException.class);
            assertThat(sim.faultCount(FaultKind.SSH_REFUSED)).isEqualTo(1);
        }
    }
}
