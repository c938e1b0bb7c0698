package dev.homestak.manifests;

import dev.homestak.actions.Action;
import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionResult;
import dev.homestak.actions.SshEndpoint;
import dev.homestak.actions.SshRequest;
import dev.homestak.actions.SshResult;
import dev.homestak.core.Facts;
import dev.homestak.core.SiteSettings;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code <node>/network}: what a {@code pve} node's children need of its network, from {@code site.yaml}
 * {@code defaults}, set over the node's SSH channel (through its {@code pve} ancestors) when its image lacks it, left alone when present (idempotent):
 * <ul>
 *   <li>the bridge the children are attached to ({@code bridge}, default {@code vmbr0}): when {@code ip link show
 *       <bridge>} does not find it, created and applied as PVE does ({@code pvesh create
 *       /nodes/localhost/network --iface <bridge> --type bridge --autostart 1; pvesh set /nodes/localhost/network},
 *       the apply running even when an earlier run created it without applying), then checked again;</li>
 *   <li>DNS ({@code dns_servers}, with {@code domain} as the search domain): when {@code /etc/resolv.conf} lacks one
 *       of the servers, written with them, then read back. No {@code dns_servers}: nothing to do.</li>
 * </ul>
 * The bridge has no ports: the NIC that carries the node's SSH is not moved onto it.
 */
final class PveNetwork {

    private static final Pattern BRIDGE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{1,20}");
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9.-]+");
    private static final Pattern NAMESERVER = Pattern.compile("(?m)^\\s*nameserver\\s+(\\S+)");

    private PveNetwork() {}

    /**
     * The step for {@code node} at {@code path}; run with the PVE the node lives in as the context's host (its site
     * defaults, its SSH user, and the context's SSH route through the node's {@code pve} ancestors).
     */
    static Action<ActionResult> of(String node, String path) {
        return NodeSteps.described(
                "bridge and DNS of " + path + " from site.yaml",
                ctx -> ctx.requireHost()
                        .flatMap(host -> ctx.lookup(Facts.vmIpKey(node))
                                .<Either<ActionFailure, ActionResult>>map(ip -> {
                                    Target t = new Target(ctx, ctx.ssh().endpoint(host.sshUser(), ip), path);
                                    SiteSettings site = host.siteSettings();
                                    return bridge(t, site)
                                            .flatMap(b ->
                                                    dns(t, site).map(d -> ActionResult.of(path + ": " + b + "; " + d)));
                                })
                                .orElseGet(() -> Either.left(new ActionFailure.Precondition(
                                        "no IP for " + node + " (wait_ip did not run)")))));
    }

    /** Where the commands run: the node (reached along the context's SSH route). */
    private record Target(ActionContext ctx, SshEndpoint self, String path) {}

    private static Either<ActionFailure, String> bridge(Target t, SiteSettings site) {
        String bridge = site.bridgeOrDefault();
        if (!BRIDGE.matcher(bridge).matches()) {
            return Either.left(new ActionFailure.Precondition("site.yaml defaults.bridge: '" + bridge
                    + "' is not a bridge name (a letter, then letters, digits or _; e.g. vmbr0)"));
        }
        String show = "ip link show " + bridge;
        return run(t, show).flatMap(found -> {
            if (found.succeeded()) {
                return Either.right("bridge " + bridge + " present");
            }
            return run(
                            t,
                            "pvesh create /nodes/localhost/network --iface " + bridge
                                    + " --type bridge --autostart 1; pvesh set /nodes/localhost/network")
                    .flatMap(created -> run(t, show))
                    .flatMap(check -> check.succeeded()
                            ? Either.right("bridge " + bridge + " created")
                            : Either.left(new ActionFailure.Precondition(t.path() + ": bridge " + bridge
                                    + " is still missing after pvesh created and applied it ("
                                    + check.stderr().strip() + ")")));
        });
    }

    private static Either<ActionFailure, String> dns(Target t, SiteSettings site) {
        List<String> servers =
                site.dnsServers().stream().filter(s -> !s.isBlank()).toList();
        if (servers.isEmpty()) {
            return Either.right("DNS: no dns_servers in site.yaml");
        }
        Optional<String> bad =
                servers.stream().filter(s -> !ADDRESS.matcher(s).matches()).findFirst();
        if (bad.isPresent()) {
            return Either.left(new ActionFailure.Precondition(
                    "site.yaml defaults.dns_servers: '" + bad.get() + "' is not an IP address"));
        }
        Optional<String> domain = site.domain();
        if (domain.isPresent() && !DOMAIN.matcher(domain.get()).matches()) {
            return Either.left(new ActionFailure.Precondition("site.yaml defaults.domain: '" + domain.get()
                    + "' is not a domain name (letters, digits, '-' and '.'; e.g. home.arpa)"));
        }
        return run(t, "cat /etc/resolv.conf").flatMap(current -> {
            if (nameservers(current).containsAll(servers)) {
                return Either.right("DNS " + String.join(", ", servers) + " already configured");
            }
            return run(t, resolvConf(domain, servers))
                    .flatMap(written -> run(t, "cat /etc/resolv.conf"))
                    .flatMap(check -> nameservers(check).containsAll(servers)
                            ? Either.right("DNS " + String.join(", ", servers) + " written to /etc/resolv.conf")
                            : Either.left(new ActionFailure.Precondition(t.path()
                                    + ": /etc/resolv.conf does not list " + String.join(", ", servers)
                                    + " after writing it (" + check.stderr().strip() + ")")));
        });
    }

    /** {@code echo 'search d' > /etc/resolv.conf; echo 'nameserver a' >> /etc/resolv.conf; ...}. */
    private static String resolvConf(Optional<String> domain, List<String> servers) {
        List<String> lines = new ArrayList<>();
        domain.ifPresent(d -> lines.add("search " + d));
        servers.forEach(s -> lines.add("nameserver " + s));
        StringBuilder write = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            write.append(i == 0 ? "echo '" : "; echo '")
                    .append(lines.get(i))
                    .append(i == 0 ? "' > " : "' >> ")
                    .append("/etc/resolv.conf");
        }
        return write.toString();
    }

    private static List<String> nameservers(SshResult resolv) {
        return resolv.succeeded()
                ? NAMESERVER
                        .matcher(resolv.stdout())
                        .results()
                        .map(m -> m.group(1))
                        .toList()
                : List.of();
    }

    /** Every command of this step goes through here: over SSH to the node, along the context's route to it. */
    private static Either<ActionFailure, SshResult> run(Target t, String command) {
        return t.ctx().ssh(SshRequest.of(t.self(), command, InnerPves.SSH));
    }
}
