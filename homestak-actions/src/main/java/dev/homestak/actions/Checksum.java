package dev.homestak.actions;

import java.util.Locale;
import java.util.Objects;

/**
 * An expected file checksum, passed to PVE's {@code download-url} (and to {@code sha256sum -c} on
 * the SSH path).
 *
 * @param algorithm {@code sha256}, {@code sha512}, {@code sha1}, {@code md5}, ...
 * @param value     hex digest
 */
public record Checksum(String algorithm, String value) {

    /** Validates: a known algorithm and a hex value. */
    public Checksum {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(value, "value");
        algorithm = algorithm.toLowerCase(Locale.ROOT);
        if (!algorithm.matches("md5|sha1|sha224|sha256|sha384|sha512")) {
            throw new IllegalArgumentException(
                    "unknown checksum algorithm '" + algorithm + "' (md5, sha1, sha224, sha256, sha384, sha512)");
        }
        if (!value.matches("[0-9a-fA-F]+")) {
            throw new IllegalArgumentException("a " + algorithm + " checksum is hex digits");
        }
        value = value.toLowerCase(Locale.ROOT);
    }

    /** A SHA-256 checksum. */
    public static Checksum sha256(String hex) {
        return new Checksum("sha256", hex);
    }
}
