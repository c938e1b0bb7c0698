package dev.homestak.cli;

import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ProxmoxClients;
import dev.homestak.core.HostConfig;
import dev.homestak.core.Provisioner;
import dev.homestak.core.Secret;
import dev.homestak.proxmox.ProxmoxClient;
import dev.homestak.proxmox.ProxmoxFailure;
import dev.homestak.proxmox.model.VersionInfo;
import dev.homestak.scenarios.Phase;
import dev.homestak.scenarios.Scenario;
import io.vavr.control.Either;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The readiness checks before a run (the original's pre-flight, seed-system §2.7): token present and
 * accepted ({@code GET /version}), host reachable, TLS fingerprint matching, the external tools the
 * scenario's phases use, and nested virtualisation for nested scenarios.
 */
final class Preflight {

    private static final int CONNECT_TIMEOUT_MS = 5000;
    private static final String HOST = "PVE connectivity";
    private static final String TOOLS = "Tools";
    private static final String HARDWARE = "Hardware";

    private final Tools tools;
    private final ProxmoxClients clients;

    /** Checks with these tools, asking the API through the run's {@code clients} (its TLS connection is then reused). */
    Preflight(Tools tools, ProxmoxClients clients) {
        this.tools = tools;
        this.clients = clients;
    }

    /** Every check for running {@code scenario} (if given) on {@code target}, in a fixed order. */
    List<Check> run(RunTarget target, Optional<Scenario> scenario, Set<String> skipped) {
        List<Check> checks = new ArrayList<>();
        target.host().filter(h -> !h.hostOnly()).ifPresent(h -> checks.addAll(api(h)));
        scenario.ifPresent(s -> {
            checks.addAll(toolChecks(s, skipped, target.host(), target.sim().isPresent()));
            if (s.name().startsWith("nested-pve")) {
                checks.add(
                        target.sim().isPresent()
                                ? Check.pass(HARDWARE, "nested virtualisation: simulated")
                                : Nesting.check());
            }
        });
        return checks;
    }

    /** Token present, API reachable, then one {@code GET /version} that tests TLS and the token. */
    private List<Check> api(HostConfig host) {
        List<Check> checks = new ArrayList<>();
        Optional<Secret> token = host.apiToken();
        if (token.isEmpty()) {
            checks.add(Check.fail(
                    HOST,
                    "API token '" + host.apiTokenKey() + "' missing in "
                            + host.file().resolveSibling("../secrets.yaml").normalize() + " (api_tokens."
                            + host.apiTokenKey() + ")"));
        } else {
            checks.add(Check.pass(HOST, "API token present (" + tokenId(token.get()) + ")"));
        }
        Optional<URI> endpoint = host.apiEndpoint();
        if (endpoint.isEmpty()) {
            checks.add(Check.fail(HOST, "no api_endpoint in " + host.file()));
            return checks;
        }
        Check reach = reachable(endpoint.get());
        checks.add(reach);
        if (reach.ok() && token.isPresent()) {
            checks.addAll(version(host));
        }
        return checks;
    }

    private List<Check> version(HostConfig host) {
        Either<ActionFailure, ProxmoxClient> client = clients.forHost(host);
        if (client.isLeft()) {
            return List.of(Check.fail(HOST, client.getLeft().message()));
        }
        Either<ProxmoxFailure, VersionInfo> version = client.get().version();
        String tls = host.tlsFingerprint()
                .map(f -> "TLS fingerprint matches (" + f.substring(0, Math.min(11, f.length())) + "…)")
                .orElse("TLS certificate trusted");
        if (version.isRight()) {
            return List.of(
                    Check.pass(HOST, tls),
                    Check.pass(
                            HOST,
                            "API token accepted (GET /version: " + version.get().version() + ")"));
        }
        ProxmoxFailure f = version.getLeft();
        if (f instanceof ProxmoxFailure.Tls) {
            return List.of(Check.fail(HOST, f.message()));
        }
        if (f instanceof ProxmoxFailure.Authentication) {
            return List.of(
                    Check.pass(HOST, tls),
                    Check.fail(
                            HOST,
                            "API token rejected: " + f.message()
                                    + "; regenerate: pveum user token add root@pam homestak --privsep 0"));
        }
        return List.of(Check.fail(HOST, "GET /version failed: " + f.message()));
    }

    private static Check reachable(URI endpoint) {
        int port = endpoint.getPort() > 0 ? endpoint.getPort() : 8006;
        String where = endpoint.getHost() + ":" + port;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), port), CONNECT_TIMEOUT_MS);
            return Check.pass(HOST, "host reachable (" + where + ")");
        } catch (IOException e) {
            return Check.fail(
                    HOST,
                    "host not reachable at " + where + ": " + e.getMessage()
                            + "; check api_endpoint and that pveproxy runs");
        }
    }

    /**
     * The tools the scenario's phases run, read from each phase's action: {@code tofu} when the host
     * provisions with tofu, {@code ansible-playbook} for playbooks (not on the {@code sim} host, whose
     * playbook phases are modelled by stand-ins).
     */
    private List<Check> toolChecks(Scenario scenario, Set<String> skipped, Optional<HostConfig> host, boolean sim) {
        Set<String> needed = new LinkedHashSet<>();
        Stream.concat(scenario.phases().stream(), scenario.cleanup().stream())
                .filter(p -> !skipped.contains(p.name()))
                .map(Phase::actionDetails)
                .forEach(details -> {
                    if (details.contains("Tofu")
                            && host.map(h -> h.provisioner() == Provisioner.TOFU)
                                    .orElse(true)) {
                        needed.add("tofu");
                    }
                    if (!sim
                            && (details.contains("Ansible")
                                    || details.contains("Playbook")
                                    || details.contains(".yml"))) {
                        needed.add("ansible-playbook");
                    }
                });
        return needed.stream()
                .map(tool -> tools.version(tool)
                        .map(v -> Check.pass(TOOLS, tool + " " + v))
                        .orElseGet(() -> Check.fail(
                                TOOLS,
                                tool + " not found on PATH; install it (scenario " + scenario.name() + " runs it)")))
                .toList();
    }

    private static String tokenId(Secret token) {
        String value = token.reveal();
        int eq = value.indexOf('=');
        return eq > 0 ? value.substring(0, eq) : "malformed: expected user@realm!name=value";
    }
}
