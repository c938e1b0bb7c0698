package dev.homestak.core;

import com.exceptionfactory.jagged.RecipientStanzaReader;
import com.exceptionfactory.jagged.x25519.X25519KeyFactory;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaReaderFactory;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.crypto.spec.SecretKeySpec;

/**
 * One age X25519 identity: the private key (kept as a {@link Secret}), its public key
 * ({@code age1...}, safe to show) and where it was found.
 */
record AgeIdentity(Secret privateKey, String publicKey, String source) {

    private static final String PREFIX = "AGE-SECRET-KEY-1";

    /** Validates components. */
    AgeIdentity {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(source, "source");
    }

    /**
     * Parses one {@code AGE-SECRET-KEY-1...} line; the problem on the left never repeats the line,
     * because a mistyped private key is still mostly a private key.
     */
    static Either<String, AgeIdentity> parse(String line, String source) {
        if (!line.startsWith(PREFIX)) {
            return Either.left(
                    line.startsWith("AGE-PLUGIN-")
                            ? "age plugin identities are not supported, only AGE-SECRET-KEY-1... keys"
                            : "not an age identity (expected a line starting with " + PREFIX
                                    + "...; the line is not shown)");
        }
        try {
            // translateKey derives the public key and checks the bech32 checksum of the private key
            var spec = new SecretKeySpec(line.getBytes(StandardCharsets.US_ASCII), "X25519");
            String publicKey = new X25519KeyFactory().translateKey(spec).toString();
            return Either.right(new AgeIdentity(Secret.of(line), publicKey, source));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Either.left("malformed age identity (bad length or checksum; the key is not shown)");
        }
    }

    /** A jagged reader that unwraps X25519 recipient stanzas with this identity. */
    RecipientStanzaReader reader() throws GeneralSecurityException {
        return X25519RecipientStanzaReaderFactory.newRecipientStanzaReader(privateKey.reveal());
    }

    @Override
    public String toString() {
        return "AgeIdentity[" + publicKey + " from " + source + "]";
    }
}
