package dev.homestak.sim.internal;

import dev.homestak.core.Secret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The API tokens a simulated PVE accepts ({@code user@realm!tokenid} → secret UUID). */
final class TokenStore {

    /** One token. */
    record Token(String user, String tokenId, Secret value, boolean privsep, String comment, long expire) {
        String fullId() {
            return user + "!" + tokenId;
        }
    }

    private final Map<String, Token> tokens = new LinkedHashMap<>();

    /** Creates a token with a fresh UUID; PVE's error if it exists. */
    synchronized Token create(String user, String tokenId, boolean privsep, String comment, long expire) {
        String full = user + "!" + tokenId;
        if (tokens.containsKey(full)) {
            throw PveError.of("Token already exists.");
        }
        Token token = new Token(user, tokenId, Secret.of(UUID.randomUUID().toString()), privsep, comment, expire);
        tokens.put(full, token);
        return token;
    }

    /** Adds a token with a given value (a site's configured token). */
    synchronized void put(String user, String tokenId, Secret value) {
        tokens.put(user + "!" + tokenId, new Token(user, tokenId, value, false, "", 0));
    }

    /** Removes a token; PVE's error if it does not exist. */
    synchronized void remove(String user, String tokenId) {
        if (tokens.remove(user + "!" + tokenId) == null) {
            throw PveError.of("no such token '" + tokenId + "' for user '" + user + "'");
        }
    }

    /** The users: {@code root@pam} and every owner of a token, sorted. */
    synchronized java.util.SortedSet<String> users() {
        java.util.SortedSet<String> users = new java.util.TreeSet<>(List.of("root@pam"));
        tokens.values().forEach(t -> users.add(t.user()));
        return users;
    }

    /** The token, or PVE's error. */
    synchronized Token get(String user, String tokenId) {
        Token token = tokens.get(user + "!" + tokenId);
        if (token == null) {
            throw PveError.of("no such token '" + tokenId + "' for user '" + user + "'");
        }
        return token;
    }

    synchronized List<Token> of(String user) {
        return tokens.values().stream().filter(t -> t.user().equals(user)).toList();
    }

    /** The token id when {@code fullId=value} is a valid token, compared in constant time. */
    synchronized Optional<String> authenticate(String fullId, String value) {
        Token token = tokens.get(fullId);
        return token != null && token.value().equals(Secret.of(value)) ? Optional.of(fullId) : Optional.empty();
    }
}
