package dev.homestak.actions.custom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionEvent;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.CancellationToken;
import dev.homestak.actions.ProxmoxClients;
import dev.homestak.actions.Pve;
import dev.homestak.core.HostConfig;
import dev.homestak.proxmox.ProxmoxClient;
import dev.homestak.proxmox.RetryNotice;
import dev.homestak.sim.FaultKind;
import dev.homestak.sim.FaultRule;
import dev.homestak.sim.Simulator;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A user's action, outside homestak's packages and written with the public API only, calls Proxmox through
 * {@link Pve} and so behaves like the built-in actions: a cancelled run stops it mid-call at once, and the client's
 * retries reach the run as events.
 */
@DisplayName("A custom action calling Proxmox through Pve")
class CustomProxmoxActionTest {

    private static final String CONTENT = "/nodes/pve/storage/local-lvm/content";

    /** What a user writes: the datastore of the run's host, read through {@link Pve}. */
    record CountVolumes() implements Action<Integer> {
        @Override
        public Either<ActionFailure, Integer> run(ActionContext ctx) {
            return ctx.requireHost()
                    .flatMap(host -> Pve.host(ctx)
                            .flatMap(pve -> pve.call(
                                    ctx,
                                    "reading datastore " + host.datastore(),
                                    node -> node.storage(host.datastore()).content(Optional.empty()))))
                    .map(List::size);
        }
    }

    private Simulator sim;
    private ProxmoxClients clients;

    private ActionContext.Builder context(FaultRule fault) {
        sim = Simulator.builder().fault(fault).start().get();
        HostConfig host = HostConfig.builder()
                .name("pve")
                .file(Path.of("nodes/pve.yaml"))
                .apiEndpoint(sim.baseUri())
                .apiToken(Optional.of(sim.apiToken()))
                .tlsFingerprint(sim.fingerprintSha256())
                .datastore("local-lvm")
                .build();
        clients = ProxmoxClients.builder()
                .tuning(b -> b.retry(ProxmoxClient.DEFAULT_RETRY.toBuilder()
                        .backoff(Duration.ofMillis(10), Duration.ofMillis(20))
                        .build()))
                .build();
        return ActionContext.builder().host(host).proxmox(clients);
    }

    @AfterEach
    void close() {
        if (clients != null) {
            clients.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    @DisplayName("cancelling the run while PVE has not answered ends the action within 1 s, as Cancelled")
    void cancelledMidCall() throws Exception {
        CancellationToken token = CancellationToken.create();
        ActionContext ctx = context(FaultRule.builder(FaultKind.SLOW_RESPONSE)
                        .method("GET")
                        .path(CONTENT)
                        .delay(Duration.ofSeconds(30))
                        .build())
                .cancellation(token)
                .build();
        CompletableFuture<Either<ActionFailure, Integer>> run =
                CompletableFuture.supplyAsync(() -> new CountVolumes().run(ctx));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sim.faultCount(FaultKind.SLOW_RESPONSE) == 0 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000); // in flight once the simulator delays it
        }
        assertThat(sim.faultCount(FaultKind.SLOW_RESPONSE))
                .as("the call reached the simulator")
                .isEqualTo(1);
        long cancelled = System.nanoTime();
        token.cancel("Ctrl-C");

        Either<ActionFailure, Integer> result = run.get(5, TimeUnit.SECONDS);
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelled);
        assertThat(result.isLeft()).isTrue();
        assertThat(result.getLeft()).isInstanceOf(ActionFailure.Cancelled.class);
        assertThat(result.getLeft().message()).contains("reading datastore local-lvm");
        assertThat(tookMs).as("ms from cancel to the action's return").isLessThan(1000);
    }

    @Test
    @DisplayName("the client's retries of the action's call are its Retry events, carrying the client's notice")
    void retriesAreEvents() {
        List<ActionEvent> events = new CopyOnWriteArrayList<>();
        ActionContext ctx = context(FaultRule.builder(FaultKind.HTTP_503)
                        .method("GET")
                        .path(CONTENT)
                        .nth(1)
                        .build())
                .events(events::add)
                .build();

        Either<ActionFailure, Integer> result =
                new CountVolumes().named("count").run(ctx);

        assertThat(result.isRight()).as("%s", result).isTrue();
        List<RetryNotice> notices = events.stream()
                .filter(ActionEvent.Retry.class::isInstance)
                .map(e -> ((ActionEvent.Retry) e).notice())
                .toList();
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0).request()).isEqualTo("GET " + CONTENT);
        assertThat(notices.get(0).attempt()).isEqualTo(1);
        assertThat(notices.get(0).problem()).contains("503");
        assertThat(events)
                .filteredOn(ActionEvent.Retry.class::isInstance)
                .extracting(ActionEvent::source)
                .containsExactly("count");
    }
}
