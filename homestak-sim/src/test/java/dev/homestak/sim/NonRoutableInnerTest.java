package dev.homestak.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.LocalPortForwarder;
import net.schmizz.sshj.connection.channel.direct.Parameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Non-routable inner networks (innerNonRoutable)")
class NonRoutableInnerTest {

    private final KeyPair key = TestKeys.ec();
    private Simulator sim;

    @BeforeEach
    void start() throws IOException {
        sim = started(Simulator.builder()); // the default: nested APIs are non-routable
    }

    private Simulator started(SimulatorBuilder builder) throws IOException {
        Simulator sim = builder.authorizedKeys("test", List.of(TestKeys.line(key)))
                .start()
                .get();
        TestApi api = new TestApi(sim);
        api.task(
                "/nodes/pve/storage/local/download-url",
                "url",
                "https://example.invalid/pve-9.qcow2",
                "filename",
                "pve-9.qcow2",
                "content",
                "import");
        api.createAndStart(99011, "scsi0", "local-lvm:0,import-from=local:import/pve-9.qcow2");
        return sim;
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    @DisplayName(
            "by default a nested API refuses a direct connection and answers through an SSH local forward from its parent")
    void onlyThroughTheTunnel() throws Exception {
        Simulator inner = sim.nested(99011).orElseThrow();
        assertThatThrownBy(
                        () -> get(inner.host(), inner.port(), inner.apiToken().reveal()))
                .isInstanceOf(IOException.class);
        assertThat(new TestApi(sim).get("/version").status())
                .as("the root API stays routable")
                .isEqualTo(200);

        try (SSHClient parent = SimulatorSshTest.connect("127.0.0.1", sim.sshPort(), key);
                ServerSocket local = new ServerSocket()) {
            local.bind(new InetSocketAddress("127.0.0.1", 0));
            LocalPortForwarder forwarder = parent.newLocalPortForwarder(
                    new Parameters("127.0.0.1", local.getLocalPort(), inner.host(), inner.port()), local);
            Thread.ofVirtual().start(() -> {
                try {
                    forwarder.listen();
                } catch (IOException e) {
                    // closed with the socket
                }
            });
            Reply reply =
                    get("127.0.0.1", local.getLocalPort(), inner.apiToken().reveal());
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.fingerprint()).isEqualTo(inner.fingerprintSha256());
        }
    }

    @Test
    @DisplayName(
            "switched off (builder or profile 'inner_non_routable: false'), a nested API answers a direct connection")
    void routableWhenSwitchedOff() throws Exception {
        for (SimulatorBuilder builder : List.of(
                Simulator.builder().innerNonRoutable(false),
                Simulator.builder()
                        .profile(SimProfile.parse("p.yaml", "inner_non_routable: false")
                                .get()))) {
            try (Simulator routable = started(builder)) {
                Simulator inner = routable.nested(99011).orElseThrow();
                Reply reply = get(inner.host(), inner.port(), inner.apiToken().reveal());
                assertThat(reply.status()).isEqualTo(200);
                assertThat(reply.fingerprint()).isEqualTo(inner.fingerprintSha256());
            }
        }
    }

    @Test
    @DisplayName("pvenode cert info over SSH gives the fingerprint the nested API presents")
    void fingerprintOverSsh() throws IOException {
        VmView vm = sim.vm(99011).orElseThrow();
        try (SSHClient ssh = SimulatorSshTest.connect(vm.address(), vm.sshPort(), key)) {
            String json = SimulatorSshTest.exec(ssh, "pvenode cert info --output-format json")
                    .out();
            var certs = new ObjectMapper().readTree(json);
            assertThat(certs.get(0).path("filename").asText()).isEqualTo("pve-ssl.pem");
            assertThat(certs.get(0).path("fingerprint").asText())
                    .isEqualTo(sim.nested(99011).orElseThrow().fingerprintSha256());
        }
    }

    record Reply(int status, String fingerprint) {}

    /** A raw HTTPS GET of /api2/json/version (the certificate is checked by the caller, not trusted). */
    private static Reply get(String host, int port, String token) throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(
                null,
                new TrustManager[] {
                    new X509TrustManager() {
                        @Override
                        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

                        @Override
                        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

                        @Override
                        public X509Certificate[] getAcceptedIssuers() {
                            return new X509Certificate[0];
                        }
                    }
                },
                null);
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(host, port)) {
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            X509Certificate cert = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            String fingerprint = HexFormat.ofDelimiter(":")
                    .withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
            socket.getOutputStream()
                    .write(("GET /api2/json/version HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: PVEAPIToken="
                                    + token + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            if (head.length() < 12) {
                throw new IOException("connection closed without a response");
            }
            return new Reply(Integer.parseInt(head.substring(9, 12)), fingerprint);
        }
    }
}
