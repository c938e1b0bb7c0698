package dev.homestak.scenarios;

import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.core.ConfigResolver;
import dev.homestak.core.HostConfig;
import dev.homestak.core.ResolvedEnv;
import dev.homestak.core.SiteConfig;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the provisioning phases get an env's VMs from: the env resolved for a node (the original's
 * {@code ConfigResolver().resolve_env(env, node)}).
 */
@FunctionalInterface
public interface EnvSource {

    /** The env {@code env} resolved for node {@code node}, or a one-line failure naming the file or key. */
    Either<ActionFailure, ResolvedEnv> resolve(String env, String node, ActionContext ctx);

    /** Resolves against a loaded site-config (embedding programs and tests). */
    static EnvSource of(SiteConfig site) {
        Objects.requireNonNull(site, "site");
        ConfigResolver resolver = ConfigResolver.of(site);
        return (env, node, ctx) -> resolver.resolveEnv(env, node).mapLeft(ActionFailure.Config::new);
    }

    /**
     * Resolves against the site-config the run's host config was loaded from ({@code nodes/<node>.yaml}'s
     * site-config directory), loaded again for each resolution: what the built-in scenarios use.
     */
    static EnvSource fromHostConfig() {
        return (env, node, ctx) -> ctx.requireHost()
                .flatMap(host -> siteRoot(host)
                        .flatMap(root -> SiteConfig.load(root).<ActionFailure>mapLeft(ActionFailure.Config::new))
                        .flatMap(site -> of(site).resolve(env, node, ctx)));
    }

    private static Either<ActionFailure, Path> siteRoot(HostConfig host) {
        Path parent = host.file().toAbsolutePath().getParent();
        Path root = parent == null ? null : parent.getParent();
        return root == null
                ? Either.left(new ActionFailure.Precondition("cannot find the site-config of host '" + host.name()
                        + "' (" + host.file() + "): load it from a site-config directory"))
                : Either.right(root);
    }
}
