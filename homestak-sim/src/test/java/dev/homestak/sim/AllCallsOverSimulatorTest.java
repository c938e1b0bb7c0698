package dev.homestak.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homestak.core.Secret;
import dev.homestak.proxmox.NodeApi;
import dev.homestak.proxmox.ProxmoxClient;
import dev.homestak.proxmox.ProxmoxFailure;
import dev.homestak.proxmox.model.CreateVmRequest;
import dev.homestak.proxmox.model.DownloadUrlRequest;
import dev.homestak.proxmox.model.SdnObject;
import dev.homestak.proxmox.suite.AllCalls;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The client's own call suite ({@link AllCalls}, which the proxmox module runs against WireMock)
 * run against the simulator. The suite's order is fixed, so a few calls meet a state in which
 * real PVE refuses them too; for those the test expects PVE's refusal as the right failure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The client's call suite (AllCalls) against the simulator")
class AllCallsOverSimulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** A token of its own: the suite deletes and re-creates the simulator's {@code root@pam!homestak}. */
    private static final Secret SUITE_TOKEN = Secret.of("root@pam!suite=5b0c7e1e-0d1f-4f7a-9b55-2f1f6c0d3e11");

    private Simulator sim;
    private ProxmoxClient pve;
    private List<Object> results;

    /** What one call of the suite must yield, in suite order. */
    private record Expect(String call, Predicate<Object> outcome, String what) {}

    @BeforeAll
    void runSuite() {
        sim = Simulator.builder().acceptToken(SUITE_TOKEN).start().getOrElseThrow(f -> new AssertionError(f.message()));
        pve = ProxmoxClient.forHost(sim.baseUri(), SUITE_TOKEN, Optional.of(sim.fingerprintSha256()))
                .getOrElseThrow(f -> new AssertionError(f.message()));
        // the state the suite assumes: VM 100 running, the import image present, token 'homestak' free
        pve.access().deleteToken("root@pam", "homestak").get();
        NodeApi node = pve.node("pve");
        node.storage("local")
                .downloadUrl(
                        DownloadUrlRequest.of("https://images.invalid/debian-13.qcow2", "debian-13.qcow2", "import"))
                .flatMap(t -> t.await(WAIT))
                .get();
        node.qemu()
                .create(CreateVmRequest.builder(100)
                        .name("base")
                        .agent(true)
                        .option("scsi0", "local-lvm:4")
                        .option("ide2", "local-lvm:cloudinit")
                        .build())
                .flatMap(t -> t.await(WAIT))
                .get();
        node.qemu(100).status().start().flatMap(t -> t.await(WAIT)).get();
        results = AllCalls.exercise(pve);
    }

    @AfterAll
    void stop() {
        pve.close();
        sim.close();
    }

    @Test
    @DisplayName("every call succeeds, or fails exactly as PVE fails it in that state")
    void outcomes() {
        List<Expect> expected = expectations();
        assertThat(results).hasSameSizeAs(expected);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            Expect e = expected.get(i);
            if (!e.outcome().test(results.get(i))) {
                wrong.add("#" + i + " " + e.call() + ": expected " + e.what() + ", got " + results.get(i));
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    @DisplayName("every request reaches an implemented endpoint and passes the simulator's schema check")
    void allImplemented() {
        List<RecordedRequest> sent = sim.requests();
        assertThat(sent).hasSizeGreaterThanOrEqualTo(results.size());
        assertThat(sent).noneMatch(r -> r.status() == 501 || r.status() == 0);
        // the one 400 is PVE's own refusal to delete a vnet that still has a subnet
        assertThat(sent)
                .filteredOn(r -> r.status() == 400)
                .extracting(RecordedRequest::path)
                .containsExactly("/cluster/sdn/vnets/labnet");
        assertThat(results)
                .noneMatch(
                        r -> r instanceof Either<?, ?> e && e.isLeft() && e.getLeft() instanceof ProxmoxFailure.Decode);
    }

    @Test
    @DisplayName("the calls took effect: VM 101 created, 102 cloned, VM 100 destroyed, SDN zone 'lab' live on the node")
    void effects() {
        assertThat(sim.vms()).extracting(v -> v.vmid()).containsExactly(101, 102);
        List<SdnObject> zones = pve.node("pve").sdnZones().get();
        assertThat(zones).extracting(SdnObject::id).containsExactly("lab");
        assertThat(zones.get(0).state()).contains("available");
        assertThat(pve.cluster().sdn().subnets("labnet").get())
                .extracting(s -> s.fields().get("cidr"))
                .containsExactly("10.10.0.0/24");
        assertThat(pve.access().tokens("root@pam").get())
                .extracting(t -> t.tokenId())
                .containsExactly("suite");
    }

    private static List<Expect> expectations() {
        List<Expect> e = new ArrayList<>();
        for (String call : List.of(
                "version",
                "nodes",
                "node status",
                "node sdn zones",
                "resources vm",
                "resources",
                "nextid",
                "qemu list",
                "create 101",
                "config 100")) {
            e.add(ok(call));
        }
        e.add(http500("setConfig with a stale digest", "detected modified configuration"));
        for (String call :
                List.of("updateConfig", "clone 100 to 102", "resize", "status current", "start", "stop", "shutdown")) {
            e.add(ok(call));
        }
        e.add(failure("reboot of the stopped VM", ProxmoxFailure.VmNotRunning.class));
        e.add(ok("delete 100"));
        for (String call :
                List.of("agent ping", "agent network", "agent exec", "agent exec-status", "agent file-read")) {
            e.add(failure(call + " on the destroyed VM", ProxmoxFailure.NotFound.class));
        }
        for (String call : List.of(
                "storage content",
                "delete content",
                "download-url",
                "tokens",
                "create token",
                "delete token",
                "sdn zones",
                "sdn vnets",
                "sdn subnets",
                "create zone",
                "create vnet",
                "create subnet")) {
            e.add(ok(call));
        }
        e.add(new Expect(
                "delete vnet with a subnet",
                r -> left(r) instanceof ProxmoxFailure.ParameterInvalid p
                        && p.errors().equals(Map.of("vnet", "Can't delete vnet if subnets exists")),
                "ParameterInvalid vnet"));
        e.add(http500("delete zone used by a vnet", "zone lab is used by vnet labnet"));
        e.add(ok("sdn apply"));
        for (String call : List.of("task status", "task log", "task stop")) {
            e.add(failure(call + " of a UPID this node never ran", ProxmoxFailure.NotFound.class));
        }
        return e;
    }

    private static Expect ok(String call) {
        return new Expect(call, r -> r instanceof Either<?, ?> either && either.isRight(), "success");
    }

    private static Expect failure(String call, Class<? extends ProxmoxFailure> kind) {
        return new Expect(call, r -> kind.isInstance(left(r)), kind.getSimpleName());
    }

    private static Expect http500(String call, String text) {
        return new Expect(
                call,
                r -> left(r) instanceof ProxmoxFailure.HttpStatus h
                        && h.status() == 500
                        && h.reason().contains(text),
                "HTTP 500 '" + text + "'");
    }

    private static Object left(Object result) {
        return result instanceof Either<?, ?> e && e.isLeft() ? e.getLeft() : "success";
    }
}
