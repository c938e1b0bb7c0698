package dev.homestak.proxmox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.homestak.core.ManualClock;
import dev.homestak.core.RetryPolicy;
import dev.homestak.core.Secret;
import dev.homestak.proxmox.suite.AllCalls;
import io.vavr.control.Either;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@WireMockTest
@DisplayName("secrets: no token secret or password in any log line, failure message or toString()")
class SecretsTest {

    static final Path LOG = Path.of("target", "client-test.log");

    /** Runs every call against the given answer with a token client and a ticket client; collects what users see. */
    static List<String> visibleText(WireMockRuntimeInfo wm, ResponseDefinitionBuilder answer) {
        stubFor(any(urlPathMatching("/api2/json/.*")).willReturn(answer));
        stubFor(post(urlPathEqualTo("/api2/json/access/ticket"))
                .willReturn(Pve.data(
                        "{\"ticket\":\"PVE:root@pam:6991F9E1::sig\",\"CSRFPreventionToken\":\"6991F9E1:csrf\"}")));
        List<String> seen = new ArrayList<>();
        for (Auth auth : List.of(TestClients.TOKEN, Auth.ticket("root@pam", Secret.of(TestClients.PASSWORD)))) {
            try (ProxmoxClient pve = TestClients.client(
                    wm, ManualClock.at(Instant.parse("2026-05-01T10:00:00Z")), auth, ProxmoxClient.DEFAULT_RETRY)) {
                seen.add(pve.toString());
                seen.add(auth.toString());
                for (Object result : AllCalls.exercise(pve)) {
                    seen.add(result.toString());
                    if (result instanceof Either<?, ?> e && e.isLeft() && e.getLeft() instanceof ProxmoxFailure f) {
                        seen.add(f.message());
                    }
                }
            }
        }
        return seen;
    }

    @Test
    @DisplayName("across successes, 401, 403, 500 and dropped connections, for token and ticket auth")
    void neverShown(WireMockRuntimeInfo wm) throws Exception {
        List<String> seen = new ArrayList<>();
        seen.addAll(visibleText(wm, Pve.upid(Pve.UPID_START)));
        seen.addAll(visibleText(wm, Pve.oldError(401, "Authentication failed!")));
        seen.addAll(visibleText(wm, Pve.error(403, "Permission check failed (/vms/100, VM.Audit)")));
        seen.addAll(
                visibleText(wm, Pve.error(500, "can't lock file '/var/lock/qemu-server/lock-100.conf' - got timeout")));
        seen.addAll(visibleText(wm, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        stubFor(post(urlPathEqualTo("/api2/json/access/ticket"))
                .willReturn(Pve.oldError(401, "authentication failure")));
        try (ProxmoxClient pve = TestClients.client(
                wm,
                ManualClock.at(Instant.parse("2026-05-01T10:00:00Z")),
                Auth.ticket("root@pam", Secret.of(TestClients.PASSWORD)),
                RetryPolicy.none())) {
            seen.add(pve.version().getLeft().message());
        }
        seen.add(Auth.parseToken(Secret.of("root@pam!homestak=" + TestClients.TOKEN_SECRET))
                .get()
                .toString());
        seen.add(Auth.parseToken(Secret.of("garbage " + TestClients.TOKEN_SECRET))
                .getLeft());

        assertThat(seen)
                .hasSizeGreaterThan(400)
                .noneMatch(s -> s.contains(TestClients.TOKEN_SECRET))
                .noneMatch(s -> s.contains(TestClients.PASSWORD))
                .anyMatch(s -> s.contains("***"));
        String log = Files.readString(LOG);
        assertThat(log)
                .as("the capture really holds the client's debug lines")
                .contains("POST /nodes/pve/qemu/100/status/start")
                .contains("logged in as root@pam");
        assertThat(log)
                .doesNotContain(TestClients.TOKEN_SECRET)
                .doesNotContain(TestClients.PASSWORD)
                .doesNotContain("PVEAuthCookie")
                .doesNotContain("6991F9E1:csrf");
    }
}
