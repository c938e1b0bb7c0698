package dev.homestak.proxmox;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.X509TrustManager;

/**
 * Trusts a leaf whose SHA-256 fingerprint equals the pin; otherwise defers to the chain check and,
 * when that refuses, fails with {@link UntrustedCertificate} carrying the fingerprint seen, so the
 * user can check it and pin it.
 */
final class ReportingTrustManager implements X509TrustManager {

    private final X509TrustManager delegate;
    private final Optional<String> pin;

    ReportingTrustManager(X509TrustManager delegate, Optional<String> pin) {
        this.delegate = delegate;
        this.pin = pin;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain.length == 0) {
            throw new CertificateException("server sent no certificate");
        }
        String seen = fingerprint(chain[0]);
        if (pin.isPresent() && pin.get().equals(seen)) {
            return;
        }
        try {
            delegate.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            String reason = pin.map(p -> "its fingerprint does not match the pinned tls_fingerprint " + p)
                    .orElse("not signed by a trusted CA");
            throw new UntrustedCertificate(seen, reason, e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }

    /** SHA-256 of the certificate's DER, {@code AA:BB:...}. */
    static String fingerprint(Certificate cert) {
        try {
            return TlsPolicy.colonHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint certificate", e);
        }
    }

    /** A refused certificate, with the fingerprint it had. */
    static final class UntrustedCertificate extends CertificateException {
        private final String fingerprint;
        private final String reason;

        UntrustedCertificate(String fingerprint, String reason, Throwable cause) {
            super(reason + " (SHA-256 " + fingerprint + ")", cause);
            this.fingerprint = fingerprint;
            this.reason = reason;
        }

        String fingerprint() {
            return fingerprint;
        }

        String reason() {
            return reason;
        }
    }
}
