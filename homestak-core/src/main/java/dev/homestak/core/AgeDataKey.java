package dev.homestak.core;

import com.exceptionfactory.jagged.UnsupportedRecipientStanzaException;
import com.exceptionfactory.jagged.framework.armor.ArmoredDecryptingChannelFactory;
import io.vavr.control.Either;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

/**
 * Unwraps a SOPS data key: each {@code sops.age[].enc} is an ASCII-armored age file whose payload
 * is the 32-byte AES key; the first identity that opens one of them wins (as in sops).
 */
final class AgeDataKey {

    private static final int KEY_BYTES = 32;

    private AgeDataKey() {}

    /** The data key, or a one-line problem that names recipients and identities by public key only. */
    static Either<String, byte[]> unwrap(SopsMetadata meta, AgeIdentities identities) {
        if (meta.age().isEmpty()) {
            return Either.left(
                    meta.otherKeyTypes().isEmpty()
                            ? "the sops block lists no age recipient"
                            : "the file is encrypted only for " + String.join(", ", meta.otherKeyTypes())
                                    + " keys; homestak decrypts age keys only: add an age recipient (.sops.yaml) and"
                                    + " run 'sops updatekeys' on the file");
        }
        if (identities.isEmpty()) {
            return Either.left("no age identity found (looked in " + AgeIdentities.WHERE + ")" + problems(identities)
                    + "; the file is encrypted for " + String.join(", ", meta.recipients()));
        }
        var corrupt = new ArrayList<String>();
        for (SopsMetadata.Recipient recipient : meta.age()) {
            for (AgeIdentity identity : identities.identities()) {
                Either<String, byte[]> key = open(recipient, identity);
                if (key.isRight()) {
                    return key;
                }
                if (identity.publicKey().equals(recipient.recipient())) {
                    corrupt.add(key.getLeft());
                }
            }
        }
        if (!corrupt.isEmpty()) {
            return Either.left(corrupt.getFirst());
        }
        return Either.left("none of the age identities " + identities.publicKeys()
                + " is a recipient of this file (recipients: " + String.join(", ", meta.recipients())
                + ")" + problems(identities) + "; add the private key of a recipient to one of " + AgeIdentities.WHERE);
    }

    private static Either<String, byte[]> open(SopsMetadata.Recipient recipient, AgeIdentity identity) {
        byte[] armored = recipient.enc().getBytes(StandardCharsets.US_ASCII);
        try (InputStream in = Channels.newInputStream(new ArmoredDecryptingChannelFactory()
                .newDecryptingChannel(
                        Channels.newChannel(new ByteArrayInputStream(armored)), List.of(identity.reader())))) {
            byte[] key = in.readNBytes(KEY_BYTES + 1);
            if (key.length != KEY_BYTES) {
                return Either.left("the age block for " + recipient.recipient() + " does not hold a " + KEY_BYTES
                        + "-byte data key");
            }
            return Either.right(key);
        } catch (UnsupportedRecipientStanzaException e) {
            return Either.left("the age block for " + recipient.recipient() + " has no stanza that "
                    + identity.publicKey() + " opens (corrupt or tampered)");
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            // a matching identity that still fails means the armored block itself was damaged
            return Either.left("the age block for " + recipient.recipient() + " is corrupt or was tampered with ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static String problems(AgeIdentities identities) {
        return identities.problems().isEmpty() ? "" : " (problems: " + String.join("; ", identities.problems()) + ")";
    }
}
