package dev.homestak.sim.internal;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * A freshly generated EC P-256 key and a self-signed X.509 v3 certificate for it, like the
 * {@code pve-ssl.pem} a PVE node generates at install time; the SAN names the node and its address.
 */
public final class TlsIdentity {

    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    private static final DateTimeFormatter GENERALIZED = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'");

    private final KeyPair keyPair;
    private final X509Certificate certificate;

    private TlsIdentity(KeyPair keyPair, X509Certificate certificate) {
        this.keyPair = keyPair;
        this.certificate = certificate;
    }

    /** Generates a key and a certificate valid for ten years naming {@code node} and {@code address}. */
    public static TlsIdentity generate(String node, InetAddress address) {
        try {
            KeyPair keyPair = EcKeys.p256();
            byte[] tbs = tbsCertificate(node, address, keyPair);
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keyPair.getPrivate());
            signer.update(tbs);
            byte[] der = Der.sequence(tbs, algorithm(), Der.bitString(signer.sign()));
            X509Certificate cert = (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
            return new TlsIdentity(keyPair, cert);
        } catch (GeneralSecurityException e) {
            // the JDK always has EC P-256 and SHA256withECDSA; not having them is a broken JDK
            throw new IllegalStateException("cannot generate the simulator's TLS certificate", e);
        }
    }

    /** The certificate. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** SHA-256 of the certificate's DER, upper-case hex separated by colons (PVE's format). */
    public String fingerprintSha256() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /**
     * A server-side TLS context presenting this certificate. The key is handed to TLS directly: a PKCS#12
     * key store would encrypt it with 10,000 rounds of PBKDF2 first, a tenth of a second for nothing.
     */
    public SSLContext serverContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(
                    new KeyManager[] {new OneKeyManager(keyPair.getPrivate(), certificate)},
                    new TrustManager[0],
                    new SecureRandom()); // no client certificates: no trust store to load
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the simulator's TLS context", e);
        }
    }

    private static byte[] tbsCertificate(String node, InetAddress address, KeyPair keyPair) {
        byte[] name = Der.sequence(
                Der.set(Der.sequence(Der.oid("2.5.4.3"), Der.utf8(node + ".sim"))),
                Der.set(Der.sequence(Der.oid("2.5.4.10"), Der.utf8("homestak simulated PVE"))));
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).withNano(0);
        byte[] validity = Der.sequence(
                Der.generalizedTime(GENERALIZED.format(now.minusDays(1))),
                Der.generalizedTime(GENERALIZED.format(now.plusYears(10))));
        byte[] san = Der.sequence(
                Der.implicitPrimitive(2, node.getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                Der.implicitPrimitive(2, "localhost".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                Der.implicitPrimitive(7, address.getAddress()));
        byte[] extensions = Der.explicit(
                3,
                Der.sequence(
                        Der.sequence(Der.oid("2.5.29.19"), Der.bool(true), Der.octetString(Der.sequence())),
                        Der.sequence(Der.oid("2.5.29.17"), Der.octetString(san))));
        return Der.sequence(
                Der.explicit(0, Der.integer(BigInteger.TWO)),
                Der.integer(new BigInteger(63, new SecureRandom()).add(BigInteger.ONE)),
                algorithm(),
                name,
                validity,
                name,
                keyPair.getPublic().getEncoded(), // already a DER SubjectPublicKeyInfo
                extensions);
    }

    private static byte[] algorithm() {
        return Der.sequence(Der.oid(ECDSA_WITH_SHA256));
    }
}
