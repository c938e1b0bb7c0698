package dev.homestak.proxmox;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.homestak.core.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@WireMockTest
@DisplayName("waits: guest agent and a real IPv4, config lock release, power state; bounded by a deadline")
class VmWaitsTest {

    static final String IFACES = "/api2/json/nodes/pve/qemu/100/agent/network-get-interfaces";
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

    static void sequence(String path, List<ResponseDefinitionBuilder> answers) {
        for (int i = 0; i < answers.size(); i++) {
            var stub = get(urlPathEqualTo(path))
                    .inScenario(path)
                    .whenScenarioStateIs(i == 0 ? STARTED : "s" + i)
                    .willReturn(answers.get(i));
            stubFor(i < answers.size() - 1 ? stub.willSetStateTo("s" + (i + 1)) : stub);
        }
    }

    static String ifaces(String... addresses) {
        StringBuilder ips = new StringBuilder();
        for (String a : addresses) {
            ips.append(ips.isEmpty() ? "" : ",")
                    .append("{\"ip-address\":\"")
                    .append(a)
                    .append("\",\"ip-address-type\":\"")
                    .append(a.contains(":") ? "ipv6" : "ipv4")
                    .append("\",\"prefix\":24}");
        }
        return "{\"result\":[{\"name\":\"lo\",\"ip-addresses\":[{\"ip-address\":\"127.0.0.1\",\"ip-address-type\":\"ipv4\",\"prefix\":8}]},"
                + "{\"name\":\"eth0\",\"ip-addresses\":[" + ips + "]}]}";
    }

    @Test
    @DisplayName("awaitIpv4 waits out a booting agent and link-local addresses, skipping lo")
    void ipv4() {
        sequence(
                IFACES,
                List.of(
                        Pve.error(500, "QEMU guest agent is not running"),
                        Pve.error(500, "VM 100 qmp command 'guest-network-get-interfaces' failed - got timeout"),
                        Pve.data(ifaces("fe80::be24:11ff:fe00:1", "169.254.10.1")),
                        Pve.data(ifaces("fe80::be24:11ff:fe00:1", "10.0.0.5"))));
        assertThat(pve.node("pve").qemu(100).awaitIpv4(Duration.ofMinutes(2)).get())
                .isEqualTo("10.0.0.5");
        assertThat(time.sleeps()).hasSize(3);
    }

    @Test
    @DisplayName("awaitIpv4 takes a loopback-range address on a non-lo interface (a simulated guest), never 127.0.0.1")
    void loopbackAddressedGuest() {
        sequence(IFACES, List.of(Pve.data(ifaces("127.0.0.1")), Pve.data(ifaces("127.0.3.232"))));
        assertThat(pve.node("pve").qemu(100).awaitIpv4(Duration.ofMinutes(2)).get())
                .isEqualTo("127.0.3.232");
    }

    @Test
    @DisplayName("awaitIpv4 gives up at the deadline, saying what it saw last")
    void ipv4Timeout() {
        stubFor(get(urlPathEqualTo(IFACES)).willReturn(Pve.data(ifaces("fe80::1"))));
        ProxmoxFailure f =
                pve.node("pve").qemu(100).awaitIpv4(Duration.ofSeconds(5)).getLeft();
        assertThat(f).isInstanceOf(ProxmoxFailure.WaitTimeout.class);
        assertThat(f.message()).contains("a global IPv4 address on VM 100").contains("fe80::1");
    }

    @Test
    @DisplayName("an agent that is not configured fails at once instead of waiting")
    void notConfigured() {
        stubFor(get(urlPathEqualTo(IFACES)).willReturn(Pve.error(500, "No QEMU guest agent configured")));
        assertThat(pve.node("pve").qemu(100).awaitIpv4(Duration.ofMinutes(5)).getLeft())
                .isInstanceOf(ProxmoxFailure.AgentNotConfigured.class);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    @DisplayName("awaitUnlocked polls until the lock is gone; awaitStatus until the state is reached")
    void unlockAndStatus() {
        sequence(
                CURRENT,
                List.of(
                        Pve.data("{\"vmid\":100,\"status\":\"stopped\",\"lock\":\"clone\"}"),
                        Pve.data("{\"vmid\":100,\"status\":\"stopped\"}"),
                        Pve.data("{\"vmid\":100,\"status\":\"stopped\"}"),
                        Pve.data("{\"vmid\":100,\"status\":\"running\"}")));
        VmApi vm = pve.node("pve").qemu(100);
        assertThat(vm.awaitUnlocked(Duration.ofMinutes(1)).get()).isEqualTo(Done.DONE);
        assertThat(vm.awaitStatus("running", Duration.ofMinutes(1)).get()).isEqualTo(Done.DONE);
    }
}
