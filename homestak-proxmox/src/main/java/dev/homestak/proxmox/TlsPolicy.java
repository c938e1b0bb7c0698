package dev.homestak.proxmox;

import static java.util.Objects.requireNonNull;

import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;

/**
 * How the client decides to trust the PVE node's certificate. Verification is on unless
 * {@link #insecure()} is chosen explicitly, which logs a warning every time a client is built.
 */
public sealed interface TlsPolicy {

    /** Verify the chain against the JDK's trust store and check the host name. The default. */
    static TlsPolicy systemTrust() {
        return new SystemTrust();
    }

    /** Verify against the CAs in a PEM file, typically the cluster's {@code /etc/pve/pve-root-ca.pem}. */
    static TlsPolicy caFile(Path pem) {
        return new CaFile(pem);
    }

    /**
     * Trust the server whose leaf certificate has this SHA-256 fingerprint ({@code AA:BB:...}, as
     * {@code pvenode cert info} and {@code GET /nodes} show it), without a host-name check, the way
     * Proxmox's own clients treat a pinned fingerprint. A certificate with another fingerprint is
     * still accepted when it chains to the system trust store and matches the host name.
     * A malformed fingerprint is reported when the client is built.
     */
    static TlsPolicy pinnedSha256(String fingerprint) {
        return new Pinned(fingerprint);
    }

    /** Trust any certificate: for a lab only; every build logs a warning. */
    static TlsPolicy insecure() {
        return new Insecure();
    }

    /** Normalises a fingerprint to upper-case colon-separated hex, or says why it is not SHA-256. */
    static Either<String, String> normalizeFingerprint(String fingerprint) {
        String hex = fingerprint.replace(":", "").replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (!hex.matches("[0-9A-F]{64}")) {
            return Either.left("tls_fingerprint '" + fingerprint + "' is not a SHA-256 fingerprint "
                    + "(64 hex digits, e.g. AA:BB:...; see pvenode cert info)");
        }
        return Either.right(colonHex(HexFormat.of().parseHex(hex)));
    }

    /** Formats bytes as {@code AA:BB:...}, PVE's fingerprint notation. */
    static String colonHex(byte[] bytes) {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(bytes);
    }

    /** The JDK trust store with host-name verification. */
    record SystemTrust() implements TlsPolicy {}

    /** CAs from a PEM file with host-name verification. */
    record CaFile(Path pem) implements TlsPolicy {
        /** Validates. */
        public CaFile {
            requireNonNull(pem, "pem");
        }
    }

    /** A pinned leaf-certificate SHA-256 fingerprint. */
    record Pinned(String fingerprint) implements TlsPolicy {
        /** Validates. */
        public Pinned {
            requireNonNull(fingerprint, "fingerprint");
        }
    }

    /** No verification at all. */
    record Insecure() implements TlsPolicy {}
}
