package dev.homestak.cli;

import dev.homestak.actions.SshHostSettings;
import dev.homestak.actions.SshSettings;
import dev.homestak.core.HostConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The SSH part of {@code config show}: which agent and key files a login to the host offers, in order, and what
 * the operator's {@code ~/.ssh/config} makes of the host (matching blocks with file:line, address, jumps,
 * known_hosts files).
 */
final class SshView {

    private SshView() {}

    /** {@code key -> text} lines for {@code host} with {@code settings}. */
    static Map<String, String> of(HostConfig host, SshSettings settings) {
        Map<String, String> view = new LinkedHashMap<>();
        view.put("ssh_agent", settings.describeAgent());
        settings.hostSettings(host.sshHost(), host.sshUser())
                .fold(problem -> view.put("ssh_config", problem), config -> {
                    view.put("ssh_identities", identities(settings, config));
                    view.put(
                            "ssh_config",
                            config.matched().isEmpty()
                                    ? "(no Host block of "
                                            + settings.sshConfig()
                                                    .map(Path::toString)
                                                    .orElse("~/.ssh/config") + " matches " + host.sshHost() + ")"
                                    : String.join("; ", config.matched()));
                    view.put(
                            "ssh_connect",
                            host.sshUser() + "@" + config.hostName() + ":"
                                    + config.port().orElse(22)
                                    + (config.proxyJump().isEmpty()
                                            ? ""
                                            : " via " + String.join(" -> ", config.proxyJump())));
                    view.put(
                            "ssh_known_hosts",
                            config.knownHostsFiles().stream()
                                            .map(Path::toString)
                                            .collect(Collectors.joining(", "))
                                    + config.strictHostKeyChecking()
                                            .map(v -> " (StrictHostKeyChecking " + v + ")")
                                            .orElse(""));
                    return view;
                });
        return view;
    }

    private static String identities(SshSettings settings, SshHostSettings config) {
        List<Path> files = settings.identitiesFor(config);
        String then = files.isEmpty()
                ? "no key file"
                : files.stream().map(Path::toString).collect(Collectors.joining(", "));
        String only = config.identitiesOnly() ? " (IdentitiesOnly: agent keys of these files only)" : "";
        return (settings.agentSocket().isPresent() ? "ssh-agent keys, then " : "") + then + only;
    }
}
