package dev.homestak.proxmox;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real self-signed server certificate, made once per test JVM with the JDK's own {@code keytool}
 * (like a fresh PVE node's {@code pve-ssl.pem}): SAN {@code IP:127.0.0.1} and {@code DNS:pve.test}.
 */
final class TlsFixture {

    static final String PASSWORD = "changeit";
    private static TlsFixture instance;

    final Path keystore;
    final Path pem;
    final String fingerprint;

    private TlsFixture(Path keystore, Path pem, String fingerprint) {
        this.keystore = keystore;
        this.pem = pem;
        this.fingerprint = fingerprint;
    }

    static synchronized TlsFixture get() {
        if (instance == null) {
            instance = create();
        }
        return instance;
    }

    private static TlsFixture create() {
        try {
            Path dir = Files.createTempDirectory("homestak-tls");
            dir.toFile().deleteOnExit();
            Path ks = dir.resolve("pve-ssl.p12");
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process p = new ProcessBuilder(List.of(
                            keytool.toString(),
                            "-genkeypair",
                            "-alias",
                            "pve",
                            "-keyalg",
                            "EC",
                            "-groupname",
                            "secp256r1",
                            "-dname",
                            "CN=pve.test",
                            "-ext",
                            "SAN=IP:127.0.0.1,DNS:pve.test",
                            "-validity",
                            "3650",
                            "-storetype",
                            "PKCS12",
                            "-keystore",
                            ks.toString(),
                            "-storepass",
                            PASSWORD,
                            "-keypass",
                            PASSWORD))
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + out);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(ks)) {
                store.load(in, PASSWORD.toCharArray());
            }
            Certificate cert = store.getCertificate("pve");
            Path pem = dir.resolve("pve-root-ca.pem");
            Files.writeString(
                    pem,
                    "-----BEGIN CERTIFICATE-----\n"
                            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                    .encodeToString(cert.getEncoded())
                            + "\n-----END CERTIFICATE-----\n");
            return new TlsFixture(ks, pem, ReportingTrustManager.fingerprint(cert));
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the test certificate", e);
        }
    }
}
