package dev.homestak.sim.internal;

import io.vavr.control.Either;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/** Parses OpenSSH public key lines ({@code ssh-ed25519 AAAA... comment}). */
public final class AuthorizedKeys {

    private AuthorizedKeys() {}

    /**
     * The keys in these lines (blank lines and {@code #} comments skipped), or a one-line error
     * naming the first bad line as {@code <source>:<line>}.
     */
    public static Either<String, List<PublicKey>> parse(String source, List<String> lines) {
        List<PublicKey> keys = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                PublicKey key = AuthorizedKeyEntry.parseAuthorizedKeyEntry(line)
                        .resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
                if (key == null) {
                    return Either.left(source + ":" + (i + 1) + ": unsupported key type in '" + abbreviate(line) + "'");
                }
                keys.add(key);
            } catch (Exception e) {
                // IllegalArgumentException, IOException and GeneralSecurityException all mean "not a key"
                return Either.left(source + ":" + (i + 1) + ": not an OpenSSH public key ('" + abbreviate(line) + "'): "
                        + e.getMessage());
            }
        }
        return Either.right(List.copyOf(keys));
    }

    /** {@code keys} and those of {@code lines} that parse as keys here, each line on its own; the rest are skipped. */
    public static List<PublicKey> plusSupported(List<PublicKey> keys, List<String> lines) {
        List<PublicKey> all = new ArrayList<>(keys);
        for (String line : lines) {
            parse("optional key", List.of(line)).peek(all::addAll);
        }
        return List.copyOf(all);
    }

    private static String abbreviate(String line) {
        return line.length() > 40 ? line.substring(0, 40) + "..." : line;
    }
}
