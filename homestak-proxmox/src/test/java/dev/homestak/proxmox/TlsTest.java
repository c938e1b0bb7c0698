package dev.homestak.proxmox;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.homestak.core.RetryPolicy;
import dev.homestak.proxmox.model.VersionInfo;
import io.vavr.control.Either;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("TLS: verify by default, pin a SHA-256 fingerprint like Proxmox's clients, insecure only on request")
class TlsTest {

    static final TlsFixture CERT = TlsFixture.get();

    @RegisterExtension
    static WireMockExtension pve = WireMockExtension.newInstance()
            .options(wireMockConfig()
                    .httpDisabled(true)
                    .dynamicHttpsPort()
                    .keystorePath(CERT.keystore.toString())
                    .keystoreType("PKCS12")
                    .keystorePassword(TlsFixture.PASSWORD)
                    .keyManagerPassword(TlsFixture.PASSWORD))
            .build();

    @BeforeEach
    void stub() {
        pve.stubFor(get(urlPathEqualTo("/api2/json/version"))
                .willReturn(Pve.data("{\"version\":\"9.1.2\",\"release\":\"9.1\",\"repoid\":\"d4e2a1b0\"}")));
    }

    static Either<ProxmoxFailure, VersionInfo> versionVia(String host, TlsPolicy tls) {
        URI uri = URI.create("https://" + host + ":" + pve.getHttpsPort());
        return ProxmoxClient.builder()
                .baseUri(uri)
                .auth(TestClients.TOKEN)
                .tls(tls)
                .retry(RetryPolicy.none())
                .build()
                .flatMap(client -> {
                    try (client) {
                        return client.version();
                    }
                });
    }

    @Nested
    @DisplayName("with the default system trust store")
    class Default {
        @Test
        @DisplayName("refuses the self-signed node certificate and shows the fingerprint it saw")
        void refuses() {
            ProxmoxFailure f = versionVia("127.0.0.1", TlsPolicy.systemTrust()).getLeft();
            assertThat(f)
                    .isInstanceOfSatisfying(
                            ProxmoxFailure.Tls.class,
                            tls -> assertThat(tls.seenFingerprint()).contains(CERT.fingerprint));
            assertThat(f.message())
                    .contains("not signed by a trusted CA")
                    .contains(CERT.fingerprint)
                    .contains("tls_fingerprint")
                    .doesNotContain("\n");
        }
    }

    @Nested
    @DisplayName("with a pinned fingerprint")
    class Pinned {
        @Test
        @DisplayName("accepts the certificate whose SHA-256 matches, in any notation")
        void accepts() {
            assertThat(versionVia("127.0.0.1", TlsPolicy.pinnedSha256(CERT.fingerprint))
                            .get()
                            .version())
                    .isEqualTo("9.1.2");
            String lowerNoColons = CERT.fingerprint.replace(":", "").toLowerCase();
            assertThat(versionVia("127.0.0.1", TlsPolicy.pinnedSha256(lowerNoColons))
                            .isRight())
                    .isTrue();
        }

        @Test
        @DisplayName("skips the host-name check, as a pin identifies the server (localhost is not in the SAN)")
        void noHostnameCheck() {
            assertThat(versionVia("localhost", TlsPolicy.pinnedSha256(CERT.fingerprint))
                            .isRight())
                    .isTrue();
        }

        @Test
        @DisplayName("refuses another fingerprint and prints the one actually seen")
        void wrongPin() {
            String wrong = "AA:".repeat(31) + "AA";
            ProxmoxFailure f =
                    versionVia("127.0.0.1", TlsPolicy.pinnedSha256(wrong)).getLeft();
            assertThat(f).isInstanceOf(ProxmoxFailure.Tls.class);
            assertThat(f.message())
                    .contains("does not match the pinned tls_fingerprint " + wrong)
                    .contains("presented SHA-256 fingerprint " + CERT.fingerprint);
        }

        @Test
        @DisplayName("reports a malformed fingerprint when the client is built")
        void malformed() {
            ProxmoxFailure f =
                    versionVia("127.0.0.1", TlsPolicy.pinnedSha256("AB:CD")).getLeft();
            assertThat(f).isInstanceOf(ProxmoxFailure.Config.class);
            assertThat(f.message()).contains("'AB:CD' is not a SHA-256 fingerprint");
        }
    }

    @Nested
    @DisplayName("with the cluster CA file")
    class CaFile {
        @Test
        @DisplayName("accepts the node when the host name is in its certificate")
        void accepts() {
            assertThat(versionVia("127.0.0.1", TlsPolicy.caFile(CERT.pem)).isRight())
                    .isTrue();
        }

        @Test
        @DisplayName("still checks the host name")
        void hostnameChecked() {
            assertThat(versionVia("localhost", TlsPolicy.caFile(CERT.pem)).getLeft())
                    .isInstanceOf(ProxmoxFailure.Tls.class);
        }

        @Test
        @DisplayName("reports an unreadable CA file by name")
        void unreadable() {
            ProxmoxFailure f = versionVia("127.0.0.1", TlsPolicy.caFile(java.nio.file.Path.of("/nonexistent/ca.pem")))
                    .getLeft();
            assertThat(f).isInstanceOf(ProxmoxFailure.Config.class);
            assertThat(f.message()).contains("/nonexistent/ca.pem");
        }
    }

    @Nested
    @DisplayName("in insecure mode")
    class Insecure {
        @Test
        @DisplayName("accepts any certificate when explicitly configured, and warns about it in the log")
        void accepts() throws java.io.IOException {
            assertThat(versionVia("localhost", TlsPolicy.insecure()).isRight()).isTrue();
            assertThat(java.nio.file.Files.readString(SecretsTest.LOG))
                    .contains("WARN dev.homestak.proxmox.TlsSetup - TLS verification is OFF for localhost:"
                            + pve.getHttpsPort());
        }
    }

    @Test
    @DisplayName("refuses an http:// base URI unless the test-only opt-in is set")
    void plainHttpRefused() {
        Either<ProxmoxFailure, ProxmoxClient> built = ProxmoxClient.builder()
                .baseUri(URI.create("http://127.0.0.1:8006"))
                .auth(TestClients.TOKEN)
                .build();
        assertThat(built.getLeft().message()).contains("is not https");
        assertThat(ProxmoxClient.forHost(
                                URI.create("https://pve:8006"),
                                dev.homestak.core.Secret.of("not-a-token"),
                                Optional.empty())
                        .getLeft()
                        .message())
                .contains("user@realm!tokenid=secret");
    }
}
