package dev.homestak.proxmox;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.homestak.core.ManualClock;
import dev.homestak.proxmox.model.ClusterResource;
import dev.homestak.proxmox.model.NetworkInterface;
import dev.homestak.proxmox.model.VmStatus;
import dev.homestak.proxmox.model.VmSummary;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@WireMockTest
@DisplayName("reads: exact GET requests with the token header, lenient decoding of PVE's payloads")
class ClientReadsTest {

    ProxmoxClient pve;

    @BeforeEach
    void client(WireMockRuntimeInfo wm) {
        pve = TestClients.client(wm, ManualClock.at(Instant.parse("2026-05-01T10:00:00Z")));
    }

    @AfterEach
    void close() {
        pve.close();
    }

    static void verifyGet(String path) {
        verify(getRequestedFor(urlPathEqualTo(Pve.API + path))
                .withHeader("Authorization", equalTo(TestClients.TOKEN_HEADER)));
    }

    @Test
    @DisplayName("version() reads GET /version")
    void version() {
        stubFor(
                get(urlPathEqualTo("/api2/json/version"))
                        .willReturn(
                                Pve.data(
                                        "{\"version\":\"9.1.2\",\"release\":\"9.1\",\"repoid\":\"d4e2a1b0\",\"console\":\"xtermjs\"}")));
        assertThat(pve.version().get()).satisfies(v -> {
            assertThat(v.version()).isEqualTo("9.1.2");
            assertThat(v.major()).isEqualTo(9);
        });
        verifyGet("/version");
    }

    @Test
    @DisplayName("nodes() reads the fingerprint of every node")
    void nodes() {
        stubFor(get(urlPathEqualTo("/api2/json/nodes"))
                .willReturn(Pve.data("[{\"node\":\"pve\",\"status\":\"online\","
                        + "\"cpu\":0.0123,\"maxcpu\":8,\"uptime\":\"86400\",\"ssl_fingerprint\":\"AB:CD\",\"level\":\"\"},"
                        + "{\"node\":\"pve2\",\"status\":\"offline\"}]")));
        assertThat(pve.nodes().get())
                .satisfiesExactly(
                        n -> {
                            assertThat(n.online()).isTrue();
                            assertThat(n.sslFingerprint()).contains("AB:CD");
                            assertThat(n.uptime()).contains(86400L);
                        },
                        n -> assertThat(n.online()).isFalse());
    }

    @Test
    @DisplayName("node(n).status() reads memory and version")
    void nodeStatus() {
        stubFor(get(urlPathEqualTo("/api2/json/nodes/pve/status"))
                .willReturn(Pve.data(
                        "{\"cpu\":0.05,\"uptime\":1234,\"pveversion\":\"pve-manager/9.1.2/abc\",\"memory\":{\"total\":\"16777216\",\"used\":8388608,\"free\":1},"
                                + "\"loadavg\":[\"0.1\",\"0.2\",\"0.3\"],\"ksm\":{\"shared\":0}}")));
        assertThat(pve.node("pve").status().get()).satisfies(s -> {
            assertThat(s.memoryTotal()).contains(16777216L);
            assertThat(s.pveVersion()).contains("pve-manager/9.1.2/abc");
        });
    }

    @Test
    @DisplayName("cluster().resources(type) sends ?type= and tolerates string numbers and absent keys")
    void resources() {
        stubFor(
                get(urlPathEqualTo("/api2/json/cluster/resources"))
                        .willReturn(
                                Pve.data(
                                        "[{\"id\":\"qemu/100\",\"type\":\"qemu\",\"node\":\"pve\",\"vmid\":\"100\",\"name\":\"test\",\"status\":\"running\","
                                                + "\"template\":0,\"lock\":\"clone\",\"maxmem\":2147483648},{\"id\":\"qemu/101\",\"type\":\"qemu\",\"vmid\":101,\"template\":1}]")));
        List<ClusterResource> vms = pve.cluster().resources(Optional.of("vm")).get();
        assertThat(vms).extracting(ClusterResource::vmid).containsExactly(Optional.of(100), Optional.of(101));
        assertThat(vms.get(0).lock()).contains("clone");
        assertThat(vms.get(1).lock()).isEmpty();
        assertThat(vms.get(1).template()).isTrue();
        assertThat(vms.get(0).fields()).containsEntry("maxmem", "2147483648");
        verify(getRequestedFor(urlPathEqualTo("/api2/json/cluster/resources")).withQueryParam("type", equalTo("vm")));
    }

    @Test
    @DisplayName("cluster().nextId() reads the string PVE sends")
    void nextId() {
        stubFor(get(urlPathEqualTo("/api2/json/cluster/nextid")).willReturn(Pve.data("\"100\"")));
        assertThat(pve.cluster().nextId().get()).isEqualTo(100);
    }

    @Test
    @DisplayName("qemu().list() and status().current() decode 0/1 and missing keys")
    void vms() {
        stubFor(
                get(urlPathEqualTo("/api2/json/nodes/pve/qemu"))
                        .willReturn(
                                Pve.data(
                                        "[{\"vmid\":\"100\",\"status\":\"stopped\",\"name\":\"a\",\"template\":\"1\",\"cpus\":2},{\"vmid\":101,\"status\":\"running\"}]")));
        stubFor(
                get(urlPathEqualTo("/api2/json/nodes/pve/qemu/100/status/current"))
                        .willReturn(
                                Pve.data(
                                        "{\"vmid\":100,\"status\":\"running\",\"qmpstatus\":\"running\",\"agent\":1,\"uptime\":\"42\",\"cpulimit\":\"0.4\",\"ha\":{\"managed\":0}}")));
        assertThat(pve.node("pve").qemu().list().get())
                .extracting(VmSummary::vmid, VmSummary::template)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(100, true),
                        org.assertj.core.groups.Tuple.tuple(101, false));
        VmStatus s = pve.node("pve").qemu(100).status().current().get();
        assertThat(s.running()).isTrue();
        assertThat(s.agentEnabled()).isTrue();
        assertThat(s.lock()).isEmpty();
        assertThat(s.uptime()).contains(42L);
    }

    @Test
    @DisplayName("qemu(id).config() keeps every option as PVE printed it")
    void config() {
        stubFor(
                get(urlPathEqualTo("/api2/json/nodes/pve/qemu/100/config"))
                        .willReturn(
                                Pve.data(
                                        "{\"name\":\"test\",\"memory\":\"2048\",\"cores\":2,\"net0\":\"virtio=BC:24:11:00:00:01,bridge=vmbr0\",\"digest\":\"abc\",\"lock\":\"create\"}")));
        assertThat(pve.node("pve").qemu(100).config().get()).satisfies(c -> {
            assertThat(c.option("cores")).contains("2");
            assertThat(c.lock()).contains("create");
            assertThat(c.digest()).contains("abc");
        });
    }

    @Test
    @DisplayName("storage(s).content(type) sends ?content= and reads volids")
    void content() {
        stubFor(
                get(urlPathEqualTo("/api2/json/nodes/pve/storage/local/content"))
                        .willReturn(
                                Pve.data(
                                        "[{\"volid\":\"local:import/debian-13.qcow2\",\"content\":\"import\",\"format\":\"qcow2\",\"size\":\"3221225472\",\"ctime\":1}]")));
        assertThat(pve.node("pve")
                        .storage("local")
                        .content(Optional.of("import"))
                        .get())
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.volid()).isEqualTo("local:import/debian-13.qcow2");
                    assertThat(c.size()).isEqualTo(3221225472L);
                });
        verify(getRequestedFor(urlPathEqualTo("/api2/json/nodes/pve/storage/local/content"))
                .withQueryParam("content", equalTo("import")));
    }

    @Test
    @DisplayName("agent() reads interfaces, exec-status and file-read")
    void agent() {
        stubFor(get(urlPathEqualTo("/api2/json/nodes/pve/qemu/100/agent/network-get-interfaces"))
                .willReturn(Pve.data(
                        "{\"result\":[{\"name\":\"lo\",\"ip-addresses\":[{\"ip-address\":\"127.0.0.1\",\"ip-address-type\":\"ipv4\",\"prefix\":8}]},"
                                + "{\"name\":\"eth0\",\"hardware-address\":\"bc:24:11:00:00:01\",\"ip-addresses\":[{\"ip-address\":\"10.0.0.5\",\"ip-address-type\":\"ipv4\",\"prefix\":24}],"
                                + "\"statistics\":{\"rx-bytes\":1}}]}")));
        stubFor(get(urlPathEqualTo("/api2/json/nodes/pve/qemu/100/agent/exec-status"))
                .willReturn(Pve.data("{\"exited\":1,\"exitcode\":0,\"out-data\":\"hello\\n\"}")));
        stubFor(get(urlPathEqualTo("/api2/json/nodes/pve/qemu/100/agent/file-read"))
                .willReturn(Pve.data("{\"content\":\"ID=debian\\n\",\"truncated\":0}")));
        AgentApi agent = pve.node("pve").qemu(100).agent();
        assertThat(agent.networkGetInterfaces().get())
                .extracting(NetworkInterface::name)
                .containsExactly("lo", "eth0");
        assertThat(agent.execStatus(4242).get()).satisfies(e -> {
            assertThat(e.exited()).isTrue();
            assertThat(e.exitCode()).contains(0);
            assertThat(e.outData()).isEqualTo("hello\n");
        });
        assertThat(agent.fileRead("/etc/os-release").get().content()).startsWith("ID=debian");
        verify(getRequestedFor(urlPathEqualTo("/api2/json/nodes/pve/qemu/100/agent/exec-status"))
                .withQueryParam("pid", equalTo("4242")));
        verify(getRequestedFor(urlPathEqualTo("/api2/json/nodes/pve/qemu/100/agent/file-read"))
                .withQueryParam("file", equalTo("/etc/os-release")));
    }

    @Test
    @DisplayName("access().tokens(), cluster().sdn() lists and node sdn zone status")
    void accessAndSdn() {
        stubFor(get(urlPathEqualTo("/api2/json/access/users/root@pam/token"))
                .willReturn(Pve.data("[{\"tokenid\":\"homestak\",\"privsep\":0,\"expire\":0,\"comment\":\"ci\"}]")));
        stubFor(get(urlPathEqualTo("/api2/json/cluster/sdn/zones"))
                .willReturn(Pve.data("[{\"zone\":\"lab\",\"type\":\"simple\",\"state\":\"new\",\"digest\":\"x\"}]")));
        stubFor(get(urlPathEqualTo("/api2/json/cluster/sdn/vnets"))
                .willReturn(Pve.data("[{\"vnet\":\"labnet\",\"zone\":\"lab\",\"type\":\"vnet\"}]")));
        stubFor(get(urlPathEqualTo("/api2/json/cluster/sdn/vnets/labnet/subnets"))
                .willReturn(
                        Pve.data("[{\"subnet\":\"lab-10.10.0.0-24\",\"cidr\":\"10.10.0.0/24\",\"type\":\"subnet\"}]")));
        stubFor(get(urlPathEqualTo("/api2/json/nodes/pve/sdn/zones"))
                .willReturn(Pve.data("[{\"zone\":\"lab\",\"status\":\"available\"}]")));
        assertThat(pve.access().tokens("root@pam").get())
                .singleElement()
                .satisfies(t -> assertThat(t.privsep()).isFalse());
        assertThat(pve.cluster().sdn().zones().get())
                .singleElement()
                .satisfies(z -> assertThat(z.state()).contains("new"));
        assertThat(pve.cluster().sdn().vnets().get())
                .singleElement()
                .satisfies(v -> assertThat(v.fields()).containsEntry("zone", "lab"));
        assertThat(pve.cluster().sdn().subnets("labnet").get()).hasSize(1);
        assertThat(pve.node("pve").sdnZones().get())
                .singleElement()
                .satisfies(z -> assertThat(z.state()).contains("available"));
    }

    @Test
    @DisplayName("a body without the data envelope is a Decode failure, not an exception")
    void decodeFailure() {
        stubFor(get(urlPathEqualTo("/api2/json/version"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(200)
                        .withBody("<html>proxy login</html>")));
        assertThat(pve.version().getLeft())
                .isInstanceOf(ProxmoxFailure.Decode.class)
                .extracting(ProxmoxFailure::message)
                .asString()
                .contains("GET /version");
    }
}
