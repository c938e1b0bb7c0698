package dev.homestak.actions.internal;

import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ProxmoxClients;
import dev.homestak.core.HostConfig;
import dev.homestak.core.Secret;
import dev.homestak.proxmox.Auth;
import dev.homestak.proxmox.ProxmoxClient;
import dev.homestak.proxmox.ProxmoxFailure;
import dev.homestak.proxmox.TlsPolicy;
import io.vavr.control.Either;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * {@link ProxmoxClients} that builds each client once per endpoint and token (keyed by a hash of the
 * token, never the token itself) and closes them all at the end of the run.
 */
public final class CachingProxmoxClients implements ProxmoxClients {

    private final UnaryOperator<ProxmoxClient.Builder> tuning;
    private final Function<String, TlsPolicy> nestedTls;
    private final int nestedPort;
    private final Map<String, ProxmoxClient> clients = new ConcurrentHashMap<>();

    /** A factory with the given tuning, nested-PVE trust and nested API port. */
    public CachingProxmoxClients(
            UnaryOperator<ProxmoxClient.Builder> tuning, Function<String, TlsPolicy> nestedTls, int nestedPort) {
        this.tuning = tuning;
        this.nestedTls = nestedTls;
        this.nestedPort = nestedPort;
    }

    @Override
    public int nestedPort() {
        return nestedPort;
    }

    @Override
    public Either<ActionFailure, ProxmoxClient> forHost(HostConfig host) {
        if (host.apiEndpoint().isEmpty()) {
            return Either.left(new ActionFailure.Precondition("host '" + host.name() + "' has no api_endpoint ("
                    + host.file() + "): the Proxmox actions need a PVE node"));
        }
        return host.requireApiToken()
                .<ActionFailure>mapLeft(ActionFailure.Config::new)
                .flatMap(token -> client(host.apiEndpoint().get(), token, tls(host)));
    }

    @Override
    public Either<ActionFailure, ProxmoxClient> forNested(String address, Secret token) {
        String host = address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
        return client(URI.create("https://" + host + ":" + nestedPort), token, nestedTls.apply(address));
    }

    private static TlsPolicy tls(HostConfig host) {
        if (host.tlsFingerprint().isPresent()) {
            return TlsPolicy.pinnedSha256(host.tlsFingerprint().get());
        }
        if (host.tlsCaFile().isPresent()) {
            return TlsPolicy.caFile(host.tlsCaFile().get());
        }
        return host.insecure() ? TlsPolicy.insecure() : TlsPolicy.systemTrust();
    }

    private Either<ActionFailure, ProxmoxClient> client(URI endpoint, Secret token, TlsPolicy tls) {
        String key = endpoint + "|" + fingerprint(token) + "|" + tls;
        ProxmoxClient cached = clients.get(key);
        if (cached != null) {
            return Either.right(cached);
        }
        Either<ActionFailure, ProxmoxClient> built = Auth.parseToken(token)
                .<ProxmoxFailure>mapLeft(ProxmoxFailure.Config::new)
                .flatMap(auth -> tuning.apply(ProxmoxClient.builder()
                                .baseUri(endpoint)
                                .auth(auth)
                                .tls(tls))
                        .build())
                .mapLeft(ActionFailure.Api::new);
        // two threads may build at once; the loser closes its copy
        return built.map(client -> {
            ProxmoxClient winner = clients.putIfAbsent(key, client);
            if (winner != null) {
                client.close();
                return winner;
            }
            return client;
        });
    }

    private static String fingerprint(Secret token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(token.reveal().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    @Override
    public void close() {
        clients.values().forEach(ProxmoxClient::close);
        clients.clear();
    }

    @Override
    public String toString() {
        return "ProxmoxClients"
                + clients.keySet().stream()
                        .map(k -> k.substring(0, k.indexOf('|')))
                        .toList();
    }
}
