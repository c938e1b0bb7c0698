package dev.homestak.proxmox;

import io.vavr.control.Either;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import okhttp3.internal.tls.OkHostnameVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies a {@link TlsPolicy} to an OkHttp builder. */
final class TlsSetup {

    private static final Logger log = LoggerFactory.getLogger(TlsSetup.class);

    private TlsSetup() {}

    static Either<ProxmoxFailure, OkHttpClient.Builder> apply(OkHttpClient.Builder b, TlsPolicy policy, String host) {
        try {
            return switch (policy) {
                case TlsPolicy.SystemTrust s ->
                    install(b, new ReportingTrustManager(system(null), Optional.empty()), null);
                case TlsPolicy.CaFile c ->
                    install(b, new ReportingTrustManager(system(caStore(c)), Optional.empty()), null);
                case TlsPolicy.Pinned p -> pinned(b, p);
                case TlsPolicy.Insecure i -> {
                    log.warn(
                            "TLS verification is OFF for {} (insecure): anyone on the network path can read "
                                    + "the API credentials; pin tls_fingerprint instead",
                            host);
                    yield install(b, new TrustAll(), (h, session) -> true);
                }
            };
        } catch (IOException | GeneralSecurityException e) {
            return Either.left(new ProxmoxFailure.Config("cannot set up TLS for " + host + ": " + e.getMessage()));
        }
    }

    private static Either<ProxmoxFailure, OkHttpClient.Builder> pinned(OkHttpClient.Builder b, TlsPolicy.Pinned p)
            throws GeneralSecurityException {
        Either<String, String> pin = TlsPolicy.normalizeFingerprint(p.fingerprint());
        if (pin.isLeft()) {
            return Either.left(new ProxmoxFailure.Config(pin.getLeft()));
        }
        String expected = pin.get();
        HostnameVerifier verifier = (host, session) -> {
            try {
                Certificate[] peer = session.getPeerCertificates();
                if (peer.length > 0
                        && ReportingTrustManager.fingerprint(peer[0]).equals(expected)) {
                    return true; // pinned: the fingerprint identifies the server, not the name
                }
            } catch (SSLPeerUnverifiedException e) {
                return false;
            }
            return OkHostnameVerifier.INSTANCE.verify(host, session);
        };
        return install(b, new ReportingTrustManager(system(null), Optional.of(expected)), verifier);
    }

    private static Either<ProxmoxFailure, OkHttpClient.Builder> install(
            OkHttpClient.Builder b, X509TrustManager tm, HostnameVerifier verifier) throws GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {tm}, new SecureRandom());
        b.sslSocketFactory(ctx.getSocketFactory(), tm);
        if (verifier != null) {
            b.hostnameVerifier(verifier);
        }
        return Either.right(b);
    }

    private static X509TrustManager system(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X509 trust manager available");
    }

    private static KeyStore caStore(TlsPolicy.CaFile c) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        int n = 0;
        try (InputStream in = Files.newInputStream(c.pem())) {
            for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                ks.setCertificateEntry("ca" + n++, cert);
            }
        } catch (IOException e) {
            throw new IOException("CA file " + c.pem() + " is not readable (" + e.getMessage() + ")", e);
        }
        if (n == 0) {
            throw new GeneralSecurityException("CA file " + c.pem() + " holds no PEM certificate");
        }
        return ks;
    }

    /** Accepts every certificate (insecure mode only). */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
