package dev.homestak.proxmox;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.homestak.core.Secret;
import dev.homestak.proxmox.model.ShutdownRequest;
import io.vavr.control.Either;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's library example, run for real against an HTTPS server with a self-signed certificate. */
@DisplayName("README: build a client with a pinned fingerprint, start and stop a VM, await the tasks")
class ReadmeExampleTest {

    static final TlsFixture CERT = TlsFixture.get();
    static final String STOP = "UPID:pve:000137B6:00112EB5:6991F9E2:qmshutdown:100:root@pam!homestak:";

    @RegisterExtension
    static WireMockExtension node = WireMockExtension.newInstance()
            .options(wireMockConfig()
                    .httpDisabled(true)
                    .dynamicHttpsPort()
                    .keystorePath(CERT.keystore.toString())
                    .keystoreType("PKCS12")
                    .keystorePassword(TlsFixture.PASSWORD)
                    .keyManagerPassword(TlsFixture.PASSWORD))
            .build();

    @BeforeEach
    void stubs() {
        node.stubFor(post(urlPathEqualTo("/api2/json/nodes/pve/qemu/100/status/start"))
                .willReturn(Pve.upid(Pve.UPID_START)));
        node.stubFor(post(urlPathEqualTo("/api2/json/nodes/pve/qemu/100/status/shutdown"))
                .willReturn(Pve.upid(STOP)));
        for (String upid : new String[] {Pve.UPID_START, STOP}) {
            node.stubFor(get(urlPathEqualTo("/api2/json/nodes/pve/tasks/" + upid + "/status"))
                    .willReturn(Pve.data("{\"status\":\"stopped\",\"exitstatus\":\"OK\"}")));
            node.stubFor(get(urlPathEqualTo("/api2/json/nodes/pve/tasks/" + upid + "/log"))
                    .willReturn(Pve.aResponseWithTotal("[{\"n\":1,\"t\":\"TASK OK\"}]", 1)));
        }
    }

    @Test
    @DisplayName("the snippet works as printed")
    void example() {
        String fingerprint = CERT.fingerprint; // AA:BB:... from `pvenode cert info` or GET /nodes
        URI node = URI.create("https://127.0.0.1:" + ReadmeExampleTest.node.getHttpsPort());
        Secret tokenSecret = Secret.of("0f5c1e7a-8d2b-4d2b-9e8f-7a6b5c4d3e2f");

        // --- README: client ---
        try (ProxmoxClient pve = ProxmoxClient.builder()
                .baseUri(node) // https://pve.lan:8006
                .auth(Auth.token("root", "pam", "homestak", tokenSecret))
                .tls(TlsPolicy.pinnedSha256(fingerprint))
                .build()
                .getOrElseThrow(failure -> new IllegalStateException(failure.message()))) {

            VmApi vm = pve.node("pve").qemu(100);

            Either<ProxmoxFailure, TaskResult> started =
                    vm.status().start().flatMap(task -> task.await(Duration.ofMinutes(5)));

            Either<ProxmoxFailure, TaskResult> stopped = vm.status()
                    .shutdown(ShutdownRequest.of(Duration.ofSeconds(60), true))
                    .flatMap(task -> task.await(Duration.ofMinutes(2)));

            stopped.peekLeft(failure -> System.err.println(failure.message()));
            // --- README: end ---

            assertThat(started.get().outcome()).isEqualTo(TaskResult.Outcome.OK);
            assertThat(stopped.get().upid().type()).isEqualTo("qmshutdown");
        }
        ReadmeExampleTest.node.verify(postRequestedFor(urlPathEqualTo("/api2/json/nodes/pve/qemu/100/status/start")));
    }
}
