package dev.homestak.cli;

import dev.homestak.actions.SshSettings;
import dev.homestak.core.HostConfig;
import dev.homestak.core.Secret;
import dev.homestak.core.SiteConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a run goes: the host's merged config (none for host-less scenarios), the site-config it came from,
 * the embedded simulator when the host is {@code sim}, and the SSH settings for the run. Closing it stops
 * the simulator.
 *
 * @param name the host name the reports show ({@code local} when there is no host)
 * @param host the merged host config
 * @param site the site-config (user's or built-in)
 * @param sim the embedded simulator of host {@code sim}
 * @param ssh identities and ports the run's SSH client uses
 */
record RunTarget(
        String name, Optional<HostConfig> host, Optional<SiteConfig> site, Optional<SimHost> sim, SshSettings ssh)
        implements AutoCloseable {

    /** Validates components. */
    RunTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(sim, "sim");
        Objects.requireNonNull(ssh, "ssh");
    }

    /** No host: scenarios that need no host config ({@code pve-configure --local}, {@code bootstrap-install}). */
    static RunTarget local(Optional<SiteConfig> site) {
        return new RunTarget("local", Optional.empty(), site, Optional.empty(), SshSettings.defaults());
    }

    /** Every secret value of the host and the site, masked in every output of the run. */
    List<Secret> secrets() {
        List<Secret> all = new ArrayList<>();
        host.ifPresent(h -> {
            h.apiToken().ifPresent(all::add);
            h.rootPassword().ifPresent(all::add);
        });
        site.ifPresent(s -> {
            all.addAll(s.secrets().apiTokens().values());
            all.addAll(s.secrets().passwords().values());
        });
        // a token "user@realm!id=<uuid>" is also masked when only its secret part shows up
        all.addAll(all.stream()
                .map(Secret::reveal)
                .filter(v -> v.indexOf('=') > 0)
                .map(v -> Secret.of(v.substring(v.indexOf('=') + 1)))
                .toList());
        return all;
    }

    /** Stops the embedded simulator, if any. */
    @Override
    public void close() {
        sim.ifPresent(SimHost::close);
    }
}
