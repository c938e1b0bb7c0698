package dev.homestak.scenarios.builtin;

import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.core.ConfigResolver;
import dev.homestak.core.ResolvedEnv;
import dev.homestak.core.SiteConfig;
import io.vavr.control.Either;
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
     * Resolves against the site-config the run works against ({@link ActionContext#site()}, given with
     * {@code ScenarioRunner.Builder.site}): what the built-in scenarios use.
     */
    static EnvSource fromRun() {
        return (env, node, ctx) -> ctx.site()
                .map(site -> of(site).resolve(env, node, ctx))
                .orElseGet(() -> Either.left(new ActionFailure.Precondition("env '" + env
                        + "' cannot be resolved: the run has no site-config (give the runner one with"
                        + " ScenarioRunner.builder().site(...))")));
    }
}
