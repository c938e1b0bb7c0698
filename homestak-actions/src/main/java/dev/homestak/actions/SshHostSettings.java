package dev.homestak.actions;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the operator's {@code ~/.ssh/config} says about one host, as OpenSSH reads it: for each option the first
 * value of the {@code Host} blocks that match, {@code IdentityFile} from all of them.
 *
 * @param alias          the name homestak connects to (a site-config {@code ssh_host}, a VM's address)
 * @param hostName       {@code HostName}, else the alias
 * @param user           {@code User}
 * @param port           {@code Port}
 * @param identityFiles  {@code IdentityFile}s, {@code ~} and {@code %d %h %r %u %%} expanded
 * @param identitiesOnly {@code IdentitiesOnly yes}: offer only these files (and the agent's copies of them)
 * @param proxyJump      {@code ProxyJump} hops, first to last ({@code [user@]host[:port]}); empty for none
 * @param knownHostsFiles {@code UserKnownHostsFile}s, else {@code ~/.ssh/known_hosts} and {@code ~/.ssh/known_hosts2}
 * @param strictHostKeyChecking {@code StrictHostKeyChecking} ({@code yes}, {@code accept-new}, {@code no}, {@code ask})
 * @param matched        where the values came from, one {@code file:line Host patterns} per matching block
 */
public record SshHostSettings(
        String alias,
        String hostName,
        Optional<String> user,
        Optional<Integer> port,
        List<Path> identityFiles,
        boolean identitiesOnly,
        List<String> proxyJump,
        List<Path> knownHostsFiles,
        Optional<String> strictHostKeyChecking,
        List<String> matched) {

    /** Validates and copies components. */
    public SshHostSettings {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(port, "port");
        identityFiles = List.copyOf(identityFiles);
        proxyJump = List.copyOf(proxyJump);
        knownHostsFiles = List.copyOf(knownHostsFiles);
        Objects.requireNonNull(strictHostKeyChecking, "strictHostKeyChecking");
        matched = List.copyOf(matched);
    }

    /** Whether a host missing from the known_hosts files must be refused ({@code StrictHostKeyChecking yes}). */
    public boolean strict() {
        return strictHostKeyChecking.map(v -> v.equalsIgnoreCase("yes")).orElse(false);
    }
}
