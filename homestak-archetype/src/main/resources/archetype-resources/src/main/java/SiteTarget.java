package ${package};

import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.core.HostConfig;
import dev.homestak.core.Key;
import dev.homestak.core.SiteConfig;
import dev.homestak.proxmox.ProxmoxClient;
import io.vavr.control.Either;
import java.net.URI;
import java.nio.file.Path;

/**
 * Where the site's actions find their node: the site-config directory and the node name, given to a run as
 * the facts {@code site_config} and {@code node} ({@link Main} and the tests set them).
 */
final class SiteTarget {

    /** Fact: the site-config directory. */
    static final Key<String> SITE_CONFIG = Key.string("site_config");
    /** Fact: the node (a {@code nodes/<node>.yaml} of the site-config). */
    static final Key<String> NODE = Key.string("node");

    private SiteTarget() {
    }

    /** The host config of the run's node, or why there is none. */
    static Either<ActionFailure, HostConfig> host(ActionContext ctx) {
        return ctx.require(SITE_CONFIG).flatMap(dir -> ctx.require(NODE).flatMap(node ->
                SiteConfig.load(Path.of(dir)).flatMap(site -> site.host(node))
                        .<ActionFailure>mapLeft(ActionFailure.Config::new)));
    }

    /** A client for the node's PVE API (token from secrets, certificate pinned when {@code tls_fingerprint} is set). */
    static Either<ActionFailure, ProxmoxClient> client(HostConfig host) {
        Either<ActionFailure, URI> endpoint = host.apiEndpoint().<Either<ActionFailure, URI>>map(Either::right)
                .orElseGet(() -> Either.left(new ActionFailure.Precondition(host.file() + ": no api_endpoint")));
        return endpoint.flatMap(uri -> host.requireApiToken().<ActionFailure>mapLeft(ActionFailure.Config::new)
                .flatMap(token -> ProxmoxClient.forHost(uri, token, host.tlsFingerprint())
                        .<ActionFailure>mapLeft(ActionFailure.Api::new)));
    }
}
