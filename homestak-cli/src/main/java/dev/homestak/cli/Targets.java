package dev.homestak.cli;

import dev.homestak.actions.SshSettings;
import dev.homestak.core.ConfigFailure;
import dev.homestak.core.Failure;
import dev.homestak.core.HostConfig;
import dev.homestak.core.SiteConfig;
import io.vavr.control.Either;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns {@code --host} (and {@code --local}) into a {@link RunTarget}: a node or host of the site-config, or
 * the built-in {@code sim}, which needs no site-config at all.
 */
final class Targets {

    private final CliEnvironment env;
    private final SiteConfigOption siteOption;

    Targets(CliEnvironment env, SiteConfigOption siteOption) {
        this.env = env;
        this.siteOption = siteOption;
    }

    /**
     * The target for {@code host}; without a host, the node matching this machine's name in local mode, or
     * no host when the scenario needs none, else the failure saying {@code --host} is required.
     */
    Either<Failure, RunTarget> resolve(Optional<String> host, RunFlags flags, String scenario, boolean needsHost) {
        if (host.isPresent()) {
            return host.get().equals(SimHost.NAME) ? sim(flags) : siteHost(host.get(), flags);
        }
        if (flags.local) {
            Optional<String> me = localHostName();
            Either<ConfigFailure, SiteConfig> site = siteOption.load(env.config());
            if (me.isPresent() && site.isRight() && site.get().hostNames().contains(me.get())) {
                return siteHost(me.get(), flags);
            }
        }
        if (!needsHost) {
            return Either.right(RunTarget.local(siteOption.load(env.config()).toJavaOptional()));
        }
        String who = scenario.isEmpty() ? "--preflight" : "scenario " + scenario;
        return Either.left(new CliFailure(
                who + " needs a host: add --host HOST (available: " + String.join(", ", hostNames()) + ")"));
    }

    /** Host names {@code --host} accepts: the site-config's (when one is found) and {@code sim}. */
    List<String> hostNames() {
        List<String> names = new ArrayList<>(
                siteOption.load(env.config()).map(SiteConfig::hostNames).getOrElse(List.of()));
        names.add(SimHost.NAME);
        return names;
    }

    private Either<Failure, RunTarget> siteHost(String name, RunFlags flags) {
        return siteOption
                .load(env.config())
                .<Failure>mapLeft(Targets::orSim)
                .flatMap(site -> site.host(name)
                        .<Failure>mapLeft(f -> withSim(f))
                        .flatMap(h -> OperatorSsh.settings(env, site, h, flags.identities)
                                .map(ssh -> new RunTarget(
                                        name, Optional.of(h), Optional.of(site), Optional.empty(), ssh))));
    }

    /** Without any site-config, {@code --host sim} still works: say so. */
    private static Failure orSim(ConfigFailure failure) {
        return failure instanceof ConfigFailure.NotFound
                ? new CliFailure(failure.message() + " (or use --host sim, which needs no site-config)")
                : failure;
    }

    /** An unknown host's message lists {@code sim} too. */
    private static Failure withSim(ConfigFailure failure) {
        if (failure instanceof ConfigFailure.Unknown u && u.kind().equals("host")) {
            List<String> names = new ArrayList<>(u.available());
            names.add(SimHost.NAME);
            return new ConfigFailure.Unknown(u.kind(), u.name(), names, u.hint() + ", or use --host sim");
        }
        return failure;
    }

    /**
     * Starts the embedded simulator. The site is the user's site-config when one is given or found (with
     * {@code sim} added as a node), else the built-in one; a site-config that exists but fails to load is
     * still an error. Nested PVEs are non-routable (reached through SSH forwards, by manifests and scenarios alike)
     * unless a profile says otherwise.
     */
    private Either<Failure, RunTarget> sim(RunFlags flags) {
        Either<ConfigFailure, SiteConfig> userSite = siteOption.load(env.config());
        if (userSite.isLeft() && (siteOption.given() || !(userSite.getLeft() instanceof ConfigFailure.NotFound))) {
            return Either.left(userSite.getLeft());
        }
        Either<Failure, SimHost> started = flags.simConnection == null
                ? SimHost.start(
                        Optional.ofNullable(flags.simProfile), Optional.ofNullable(flags.simRequestLog), env.config())
                : attach(flags);
        return started.map(sim -> {
            Map<String, Object> defaults =
                    userSite.map(SiteConfig::siteDefaults).getOrElse(BuiltInSite.defaults());
            HostConfig host = sim.hostConfig(defaults);
            SiteConfig site = userSite.map(s -> withBuiltInEnvs(s.withHost(host), sim))
                    .getOrElse(() -> BuiltInSite.withSim(host));
            return new RunTarget(
                    SimHost.NAME,
                    Optional.of(host),
                    Optional.of(site),
                    Optional.of(sim),
                    ssh(sim.identityFiles(), host.vmSshPort()));
        });
    }

    /** {@code --sim-connection}: a standalone {@code homestak sim}, whose timing and request log are its own. */
    private Either<Failure, SimHost> attach(RunFlags flags) {
        if (flags.simProfile != null || flags.simRequestLog != null) {
            return Either.left(new CliFailure("--sim-profile and --sim-request-log apply to the embedded simulator: "
                    + "give them to 'homestak sim' (as --profile, --request-log) when using --sim-connection"));
        }
        return SimConnection.read(env.workingDir().resolve(flags.simConnection)).map(SimHost::attached);
    }

    /** A user's site with the built-in envs it lacks; the one line saying so goes to the run's notes. */
    private static SiteConfig withBuiltInEnvs(SiteConfig site, SimHost sim) {
        List<String> added = new ArrayList<>();
        SiteConfig merged = BuiltInSite.withMissingEnvs(site, added);
        if (!added.isEmpty()) {
            sim.note("sim: using the built-in env" + (added.size() > 1 ? "s " : " ") + String.join(", ", added)
                    + " (not in " + site.root() + "/envs)");
        }
        return merged;
    }

    /** SSH settings: the given identities (else the user's default keys), the host's VM SSH port. */
    private static SshSettings ssh(List<Path> identities, int port) {
        SshSettings.Builder b = SshSettings.builder().defaultPort(port);
        if (!identities.isEmpty()) {
            b.identityFiles(identities);
        }
        return b.build();
    }

    private static Optional<String> localHostName() {
        try {
            return Optional.of(InetAddress.getLocalHost().getHostName().split("\\.")[0]);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
