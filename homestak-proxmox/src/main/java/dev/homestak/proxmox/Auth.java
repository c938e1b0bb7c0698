package dev.homestak.proxmox;

import static java.util.Objects.requireNonNull;

import dev.homestak.core.Secret;
import io.vavr.control.Either;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the client authenticates: an API token (preferred: stateless, no CSRF) or a username and
 * password exchanged for a 2-hour ticket. Secrets stay in {@link Secret}; {@code toString()} masks them.
 */
public sealed interface Auth {

    /** The form PVE prints for a token id: {@code user@realm!tokenid=secret}. */
    Pattern TOKEN_STRING =
            Pattern.compile("^([^\\s:/@]+)@([A-Za-z][A-Za-z0-9.\\-_]+)!([A-Za-z][A-Za-z0-9.\\-_]+)=(\\S+)$");

    /** An API token, sent as {@code Authorization: PVEAPIToken=user@realm!tokenid=secret}. */
    static Auth token(String user, String realm, String tokenId, Secret secret) {
        return new Token(user, realm, tokenId, secret);
    }

    /** A password login for {@code user@realm} (e.g. {@code root@pam}); renewed before its 2 h expiry. */
    static Auth ticket(String userAtRealm, Secret password) {
        return new Ticket(userAtRealm, password);
    }

    /**
     * Parses the token string form stored in site-config secrets, {@code root@pam!tofu=<uuid>}.
     *
     * @return the token, or a one-line reason (which never repeats the secret)
     */
    static Either<String, Auth> parseToken(Secret tokenString) {
        Matcher m = TOKEN_STRING.matcher(tokenString.reveal().strip());
        if (!m.matches()) {
            return Either.left("API token is not in the form user@realm!tokenid=secret");
        }
        return Either.right(new Token(m.group(1), m.group(2), m.group(3), Secret.of(m.group(4))));
    }

    /** The user id, {@code user@realm}. */
    String userId();

    /** An API token; {@link #fullTokenId()} is {@code user@realm!tokenid}. */
    record Token(String user, String realm, String tokenId, Secret secret) implements Auth {
        /** Validates. */
        public Token {
            requireNonNull(user, "user");
            requireNonNull(realm, "realm");
            requireNonNull(tokenId, "tokenId");
            requireNonNull(secret, "secret");
        }

        @Override
        public String userId() {
            return user + "@" + realm;
        }

        /** {@code user@realm!tokenid}, the form PVE shows in task owners and ACLs. */
        public String fullTokenId() {
            return userId() + "!" + tokenId;
        }

        /** The {@code Authorization} header value; it reveals the secret, so only the transport calls it. */
        String header() {
            return "PVEAPIToken=" + fullTokenId() + "=" + secret.reveal();
        }
    }

    /** A username/password login that yields a ticket cookie plus a CSRF token for writes. */
    record Ticket(String userId, Secret password) implements Auth {
        /** Validates. */
        public Ticket {
            requireNonNull(userId, "userId");
            requireNonNull(password, "password");
            if (!userId.contains("@")) {
                throw new IllegalArgumentException("ticket user must be user@realm, e.g. root@pam");
            }
        }
    }
}
