package dev.homestak.actions.internal;

import dev.homestak.actions.SshEndpoint;
import dev.homestak.actions.SshHostSettings;
import dev.homestak.actions.SshRequest;
import dev.homestak.actions.SshSettings;
import io.vavr.control.Either;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The connections one request makes, first to last: the {@code ProxyJump} hops of {@code ~/.ssh/config} (each
 * resolved through the config in turn), the request's own jump host, then the target; each with its
 * {@code HostName}, port and known_hosts settings.
 */
final class Hops {

    private static final int MAX_DEPTH = 8;

    /**
     * One connection.
     *
     * @param endpoint the address, port and user to log in with
     * @param config   what {@code ~/.ssh/config} says about it
     * @param operator whether it is a host of the operator's (site-config host or a bastion of the config), whose
     *                 key is checked against their known_hosts
     */
    record Hop(SshEndpoint endpoint, SshHostSettings config, boolean operator) {}

    private final SshSettings settings;
    private final OpenSshConfig config;

    private Hops(SshSettings settings, OpenSshConfig config) {
        this.settings = settings;
        this.config = config;
    }

    /** The hops of {@code settings}'s config, or why it cannot be read. */
    static Either<String, Hops> create(SshSettings settings) {
        try {
            OpenSshConfig config = settings.sshConfig().isPresent()
                    ? OpenSshConfig.read(settings.sshConfig().get(), settings.home())
                    : OpenSshConfig.empty(settings.home());
            return Either.right(new Hops(settings, config));
        } catch (IOException e) {
            return Either.left("cannot read " + settings.sshConfig().orElseThrow() + ": " + e.getMessage());
        }
    }

    /** What the config says about {@code endpoint}. */
    SshHostSettings settingsOf(SshEndpoint endpoint) {
        return config.resolve(endpoint.host(), endpoint.user());
    }

    /**
     * The chain of {@code request}: jump hosts given by homestak replace the target's own {@code ProxyJump}, as
     * {@code ssh -J}; the first of them is reached as the config says (its own {@code ProxyJump} included), each later
     * one and the target through the one before.
     */
    List<Hop> chain(SshRequest request) throws IOException {
        List<Hop> chain = new ArrayList<>();
        if (!request.jumps().isEmpty()) {
            add(chain, request.jumps().get(0), false, 0);
            for (SshEndpoint next : request.jumps().subList(1, request.jumps().size())) {
                chain.add(hop(next, config.resolve(next.host(), next.user()), false));
            }
            SshEndpoint target = request.target();
            chain.add(hop(target, config.resolve(target.host(), target.user()), false));
        } else {
            add(chain, request.target(), false, 0);
        }
        return chain;
    }

    private void add(List<Hop> chain, SshEndpoint endpoint, boolean bastion, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException(
                    "ProxyJump in " + settings.sshConfig().orElseThrow() + " loops at " + endpoint.host());
        }
        SshHostSettings host = config.resolve(endpoint.host(), endpoint.user());
        List<String> jumps = host.proxyJump();
        for (int i = 0; i < jumps.size(); i++) {
            SshEndpoint jump = parse(jumps.get(i), endpoint.user());
            if (i == 0) {
                add(chain, jump, true, depth + 1);
            } else {
                chain.add(hop(jump, config.resolve(jump.host(), jump.user()), true));
            }
        }
        chain.add(hop(endpoint, host, bastion));
    }

    /**
     * The endpoint with the config applied: {@code HostName} always; {@code Port} where homestak has none of its own
     * for the host (it would be 22); the user stays homestak's (site-config {@code ssh_user}), as {@code user@host}
     * on the command line wins over {@code User} in ssh.
     */
    private Hop hop(SshEndpoint endpoint, SshHostSettings host, boolean bastion) {
        int port = endpoint.port() != 22 ? endpoint.port() : host.port().orElse(22);
        boolean operator = bastion
                || settings.operatorHosts().contains(endpoint.host())
                || settings.operatorHosts().contains(host.hostName());
        return new Hop(new SshEndpoint(endpoint.user(), host.hostName(), port), host, operator);
    }

    /**
     * A {@code ProxyJump} hop, {@code [user@]host[:port]} or {@code ssh://[user@]host[:port]}: its user is the
     * spec's, else the config's {@code User} for it, else the target's.
     */
    private SshEndpoint parse(String spec, String targetUser) throws IOException {
        String rest = spec.startsWith("ssh://") ? spec.substring("ssh://".length()) : spec;
        Optional<String> user = Optional.empty();
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            user = Optional.of(rest.substring(0, at));
            rest = rest.substring(at + 1);
        }
        int port = 22;
        int colon = rest.lastIndexOf(':');
        if (colon >= 0 && !rest.endsWith("]") && rest.indexOf(':') == colon) {
            try {
                port = Integer.parseInt(rest.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IOException(
                        "ProxyJump '" + spec + "' in " + settings.sshConfig().orElseThrow() + ": bad port");
            }
            rest = rest.substring(0, colon);
        }
        String host = rest.replaceAll("^\\[|\\]$", "");
        SshHostSettings own = config.resolve(host, targetUser);
        return new SshEndpoint(user.or(own::user).orElse(targetUser), host, port);
    }
}
