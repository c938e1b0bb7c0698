package dev.homestak.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.SshEndpoint;
import dev.homestak.actions.SshRequest;
import dev.homestak.actions.SshResult;
import dev.homestak.core.HostConfig;
import dev.homestak.core.Secret;
import io.vavr.control.Either;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code pve} nodes of one run prepared as PVE hosts, driven from the controller without any agent on them:
 * over the node's verified SSH channel, PVE's services are checked, a token for this deployment is minted with
 * {@code pveum} (an old one of the same id removed first, so it is idempotent on resume) and the API certificate's
 * fingerprint is read with {@code pvenode cert info}; the API is then reached through an SSH local port-forward along
 * the chain of {@code pve} ancestors, with that fingerprint pinned. Tokens live here only, for the run; closing
 * closes every forward.
 */
final class InnerPves implements AutoCloseable {

    static final Duration SSH = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String tokenId;
    private final Map<String, InnerPve> ready = new ConcurrentHashMap<>();

    /** For the verbs that change something (they hold the deployment's lock): token {@code homestak-<manifest>}. */
    InnerPves(String manifest) {
        this(manifest, "");
    }

    /** {@code suffix} tells a reader's token ({@code plan}, {@code status}) from the one a running verb holds. */
    InnerPves(String manifest, String suffix) {
        this.tokenId = "homestak-" + manifest.replaceAll("[^A-Za-z0-9.\\-_]", "-") + suffix;
    }

    /** The prepared PVE of node {@code name}, if it is ready in this run. */
    Optional<InnerPve> get(String name) {
        return Optional.ofNullable(ready.get(name));
    }

    /**
     * Prepares {@code node} (a VM at {@code ip} that runs PVE) as a PVE host, once per run: {@code parent} is the
     * prepared PVE it runs in, empty for the target host ({@code ctx}'s host).
     */
    Either<ActionFailure, InnerPve> connect(ActionContext ctx, String node, String ip, Optional<InnerPve> parent) {
        InnerPve known = ready.get(node);
        if (known != null) {
            return Either.right(known);
        }
        return ctx.requireHost().flatMap(outer -> {
            SshEndpoint self = ctx.ssh().endpoint(outer.sshUser(), ip);
            List<SshEndpoint> chain =
                    new ArrayList<>(parent.map(InnerPve::chain).orElse(List.of()));
            chain.add(self);
            String path = parent.map(p -> p.path() + " › ").orElse("") + node;
            return run(ctx, self, "systemctl is-active pveproxy pvedaemon pve-cluster")
                    .flatMap(services -> services.exitCode() == 0
                            ? Either.right(services)
                            : Either.left(new ActionFailure.Precondition(path + ": PVE services are not active ("
                                    + services.stdout().strip().replace('\n', ' ') + ")")))
                    .flatMap(ok -> run(ctx, self, "hostname"))
                    .flatMap(hostname -> mint(ctx, self, path)
                            .flatMap(token -> fingerprint(ctx, self, path)
                                    .flatMap(fp -> ctx.ssh()
                                            .forward(chain, ip, ctx.proxmox().nestedPort())
                                            .map(forward -> {
                                                HostConfig inner = outer.toBuilder()
                                                        .name(node)
                                                        .nodeName(hostname.stdout()
                                                                .strip()
                                                                .split("\\.")[0])
                                                        .parentNode(parent.map(InnerPve::host)
                                                                .map(HostConfig::nodeName)
                                                                .orElse(outer.nodeName()))
                                                        .apiEndpoint(
                                                                URI.create("https://127.0.0.1:" + forward.localPort()))
                                                        .apiToken(Optional.of(token))
                                                        .tlsFingerprint(fp)
                                                        .insecure(false)
                                                        .sshHost(ip)
                                                        .ip(ip)
                                                        .build();
                                                InnerPve pve = new InnerPve(node, path, inner, self, chain, forward);
                                                ready.put(node, pve);
                                                return pve;
                                            }))));
        });
    }

    /** {@code root@pam!homestak-<manifest>=<value>}, minted again (the old token of the same id removed). */
    private Either<ActionFailure, Secret> mint(ActionContext ctx, SshEndpoint self, String path) {
        String command = "pveum user token remove root@pam " + tokenId + " 2>/dev/null; pveum user token add root@pam "
                + tokenId + " --privsep 0 --comment 'homestak manifest (controller)' --output-format json";
        return run(ctx, self, command).flatMap(r -> {
            try {
                JsonNode json = JSON.readTree(r.stdout());
                String full = json.path("full-tokenid").asText("");
                String value = json.path("value").asText("");
                if (r.exitCode() != 0 || full.isEmpty() || value.isEmpty()) {
                    return Either.left(new ActionFailure.Precondition(path + ": pveum did not create token " + tokenId
                            + " (exit " + r.exitCode() + ": " + r.stderr().strip() + ")"));
                }
                return Either.right(Secret.of(full + "=" + value));
            } catch (IOException e) {
                return Either.left(
                        new ActionFailure.Precondition(path + ": pveum printed no JSON for token " + tokenId));
            }
        });
    }

    /** The fingerprint of the certificate pveproxy serves ({@code pveproxy-ssl.pem} when present, else {@code pve-ssl.pem}). */
    private static Either<ActionFailure, String> fingerprint(ActionContext ctx, SshEndpoint self, String path) {
        return run(ctx, self, "pvenode cert info --output-format json").flatMap(r -> {
            try {
                JsonNode certs = JSON.readTree(r.stdout());
                String proxy = "";
                String pve = "";
                for (JsonNode cert : certs) {
                    switch (cert.path("filename").asText("")) {
                        case "pveproxy-ssl.pem" ->
                            proxy = cert.path("fingerprint").asText("");
                        case "pve-ssl.pem" -> pve = cert.path("fingerprint").asText("");
                        default -> {}
                    }
                }
                String fp = proxy.isEmpty() ? pve : proxy;
                return fp.isEmpty()
                        ? Either.left(
                                new ActionFailure.Precondition(path + ": pvenode cert info lists no API certificate"))
                        : Either.right(fp);
            } catch (IOException e) {
                return Either.left(new ActionFailure.Precondition(
                        path + ": pvenode cert info printed no JSON (exit " + r.exitCode() + ")"));
            }
        });
    }

    /** {@code command} on {@code target}, along {@code ctx}'s route (the chain of the PVE the node runs in). */
    private static Either<ActionFailure, SshResult> run(ActionContext ctx, SshEndpoint target, String command) {
        return ctx.ssh(SshRequest.of(target, command, SSH));
    }

    /** Forgets {@code node} (destroyed) and closes its forward. */
    void forget(String node) {
        InnerPve pve = ready.remove(node);
        if (pve != null) {
            pve.forward().close();
        }
    }

    @Override
    public void close() {
        List.copyOf(ready.keySet()).forEach(this::forget);
    }
}
