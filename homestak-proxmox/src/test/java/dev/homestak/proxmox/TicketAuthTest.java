package dev.homestak.proxmox;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.homestak.core.ManualClock;
import dev.homestak.core.Secret;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@WireMockTest
@DisplayName("ticket auth: login, cookie on every call, CSRF on writes, renewal before expiry, one re-login on 401")
class TicketAuthTest {

    static final String TICKET = "/api2/json/access/ticket";
    static final String T1 = "PVE:root@pam:6991F9E1::sig1";
    static final String T2 = "PVE:root@pam:6991FFFF::sig2";
    ManualClock time;
    ProxmoxClient pve;

    @BeforeEach
    void client(WireMockRuntimeInfo wm) {
        time = ManualClock.at(Instant.parse("2026-05-01T10:00:00Z"));
        pve = TestClients.client(
                wm, time, Auth.ticket("root@pam", Secret.of(TestClients.PASSWORD)), ProxmoxClient.DEFAULT_RETRY);
        stubFor(post(urlPathEqualTo(TICKET))
                .inScenario("login")
                .whenScenarioStateIs(STARTED)
                .willReturn(login(T1, "6991F9E1:csrf1"))
                .willSetStateTo("second"));
        stubFor(post(urlPathEqualTo(TICKET))
                .inScenario("login")
                .whenScenarioStateIs("second")
                .willReturn(login(T2, "6991FFFF:csrf2")));
        stubFor(get(urlPathEqualTo("/api2/json/version"))
                .willReturn(Pve.data("{\"version\":\"9.1.2\",\"release\":\"9.1\",\"repoid\":\"x\"}")));
        stubFor(post(urlPathEqualTo("/api2/json/nodes/pve/qemu/100/status/start"))
                .willReturn(Pve.upid(Pve.UPID_START)));
    }

    @AfterEach
    void close() {
        pve.close();
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder login(String ticket, String csrf) {
        return Pve.data("{\"ticket\":\"" + ticket + "\",\"CSRFPreventionToken\":\"" + csrf
                + "\",\"username\":\"root@pam\",\"cap\":{}}");
    }

    static String cookie(String ticket) {
        return "PVEAuthCookie=" + java.net.URLEncoder.encode(ticket, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("logs in with username and password, then sends the cookie; CSRF only on non-GET")
    void loginAndCsrf() {
        assertThat(pve.version().isRight()).isTrue();
        assertThat(pve.node("pve").qemu(100).status().start().isRight()).isTrue();
        assertThat(FormBodies.body("POST", "/access/ticket"))
                .containsExactly(entry("username", "root@pam"), entry("password", TestClients.PASSWORD));
        verify(1, postRequestedFor(urlPathEqualTo(TICKET)));
        verify(getRequestedFor(urlPathEqualTo("/api2/json/version"))
                .withHeader("Cookie", equalTo(cookie(T1)))
                .withHeader("CSRFPreventionToken", absent())
                .withHeader("Authorization", absent()));
        verify(postRequestedFor(urlPathEqualTo("/api2/json/nodes/pve/qemu/100/status/start"))
                .withHeader("Cookie", equalTo(cookie(T1)))
                .withHeader("CSRFPreventionToken", equalTo("6991F9E1:csrf1")));
    }

    @Test
    @DisplayName("renews the ticket once it is an hour old (it expires after two)")
    void renews() {
        assertThat(pve.version().isRight()).isTrue();
        time.advance(Duration.ofMinutes(59));
        assertThat(pve.version().isRight()).isTrue();
        verify(1, postRequestedFor(urlPathEqualTo(TICKET)));
        time.advance(Duration.ofMinutes(2));
        assertThat(pve.version().isRight()).isTrue();
        verify(2, postRequestedFor(urlPathEqualTo(TICKET)));
        verify(getRequestedFor(urlPathEqualTo("/api2/json/version")).withHeader("Cookie", equalTo(cookie(T2))));
    }

    @Test
    @DisplayName("on a 401 logs in again once and retries the call once")
    void reloginOn401() {
        stubFor(get(urlPathEqualTo("/api2/json/nodes"))
                .withHeader("Cookie", equalTo(cookie(T1)))
                .willReturn(Pve.oldError(401, "No ticket")));
        stubFor(get(urlPathEqualTo("/api2/json/nodes"))
                .withHeader("Cookie", equalTo(cookie(T2)))
                .willReturn(Pve.data("[{\"node\":\"pve\",\"status\":\"online\"}]")));
        assertThat(pve.nodes().get()).hasSize(1);
        verify(2, postRequestedFor(urlPathEqualTo(TICKET)));
        verify(2, getRequestedFor(urlPathEqualTo("/api2/json/nodes")));
    }

    @Test
    @DisplayName("a refused login is an Authentication failure without the password, and is not retried")
    void refusedLogin(WireMockRuntimeInfo wm) {
        stubFor(post(urlPathEqualTo(TICKET)).willReturn(Pve.oldError(401, "authentication failure")));
        ProxmoxFailure f = pve.version().getLeft();
        assertThat(f).isInstanceOf(ProxmoxFailure.Authentication.class);
        assertThat(f.message()).contains("login as root@pam refused (HTTP 401").doesNotContain(TestClients.PASSWORD);
        verify(1, postRequestedFor(urlPathEqualTo(TICKET)));
    }
}
