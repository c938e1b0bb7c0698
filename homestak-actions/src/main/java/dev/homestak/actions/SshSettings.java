package dev.homestak.actions;

import dev.homestak.actions.internal.OpenSshConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How the SSH client authenticates and checks host keys. Keys are offered in OpenSSH's order: the ssh-agent's,
 * then {@code identityFiles}, then the {@code IdentityFile}s of {@code ~/.ssh/config}, and only when neither names
 * a file, the defaults {@code ~/.ssh/id_ed25519}, {@code id_ecdsa}, {@code id_rsa}.
 *
 * @param identityFiles  private key files offered after the agent's keys (the CLI's {@code --identity}, then the
 *                       site-config's {@code ssh_identity}); OpenSSH, PEM or PKCS#8 format
 * @param knownHosts     an OpenSSH {@code known_hosts} file whose entries are enforced for every host; hosts not
 *                       in it are accepted on first use for the rest of the run
 * @param connectTimeout limit for the TCP connect and the SSH handshake of one connection
 * @param ports          SSH port per host (IP or name) where it is not {@code defaultPort}
 * @param defaultPort    SSH port of every other host (22; a node's {@code vm_ssh_port}, or the simulator's SSH port)
 * @param home           the operator's home directory ({@code ~} of {@code ~/.ssh})
 * @param agentSocket    the ssh-agent's socket ({@code SSH_AUTH_SOCK})
 * @param sshConfig      the operator's {@code ~/.ssh/config}
 * @param operatorHosts  hosts of the operator's own (site-config PVE and SSH hosts): checked against their
 *                       {@code ~/.ssh/known_hosts}, not accepted as new VMs are
 * @param passphrases    asks for the passphrase of a protected key file
 */
public record SshSettings(
        List<Path> identityFiles,
        Optional<Path> knownHosts,
        Duration connectTimeout,
        Map<String, Integer> ports,
        int defaultPort,
        Path home,
        Optional<Path> agentSocket,
        Optional<Path> sshConfig,
        Set<String> operatorHosts,
        PassphrasePrompt passphrases) {

    /** The default key files, in the order OpenSSH tries them. */
    public static final List<String> DEFAULT_IDENTITIES = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    /** Validates and copies components. */
    public SshSettings {
        identityFiles = List.copyOf(identityFiles);
        Objects.requireNonNull(knownHosts, "knownHosts");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        ports = Map.copyOf(ports);
        if (defaultPort < 1 || defaultPort > 65535) {
            throw new IllegalArgumentException("defaultPort out of range: " + defaultPort);
        }
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(agentSocket, "agentSocket");
        Objects.requireNonNull(sshConfig, "sshConfig");
        operatorHosts = Set.copyOf(operatorHosts);
        Objects.requireNonNull(passphrases, "passphrases");
    }

    /** As {@code ssh} would: this process's home, {@code SSH_AUTH_SOCK} and {@code ~/.ssh/config}. */
    public static SshSettings defaults() {
        return builder()
                .environment(Path.of(System.getProperty("user.home")), System.getenv())
                .build();
    }

    /**
     * A builder with nothing of the operator's set up: no agent, no {@code ~/.ssh/config}, the default key files of
     * this process's home; {@link Builder#environment} adds them.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The port to use for {@code host}. */
    public int portFor(String host) {
        return ports.getOrDefault(host, defaultPort);
    }

    /** The default key files of {@link #home} that exist. */
    public List<Path> defaultIdentities() {
        return DEFAULT_IDENTITIES.stream()
                .map(n -> home.resolve(".ssh").resolve(n))
                .filter(Files::isRegularFile)
                .toList();
    }

    /**
     * What {@code ~/.ssh/config} says about {@code host} (logging in as {@code user}), or why the file cannot be
     * read; without a config file, the host as it is.
     */
    public io.vavr.control.Either<String, SshHostSettings> hostSettings(String host, String user) {
        try {
            OpenSshConfig config =
                    sshConfig.isPresent() ? OpenSshConfig.read(sshConfig.get(), home) : OpenSshConfig.empty(home);
            return io.vavr.control.Either.right(config.resolve(host, user));
        } catch (IOException e) {
            return io.vavr.control.Either.left("cannot read " + sshConfig.orElseThrow() + ": " + e.getMessage());
        }
    }

    /**
     * The key files offered to {@code host} after the agent's, in order: {@link #identityFiles}, the config's
     * {@code IdentityFile}s, else the defaults.
     */
    public List<Path> identitiesFor(SshHostSettings host) {
        Set<Path> files = new LinkedHashSet<>(identityFiles);
        files.addAll(host.identityFiles());
        return files.isEmpty() ? defaultIdentities() : List.copyOf(files);
    }

    /**
     * The ssh-agent as {@code config show} prints it: its socket and keys ({@code type comment} each), or why it
     * is not used.
     */
    public String describeAgent() {
        if (agentSocket.isEmpty()) {
            return "(none: SSH_AUTH_SOCK is not set)";
        }
        try {
            List<String> keys = new dev.homestak.actions.internal.SshAgent(agentSocket.get())
                    .identities().stream()
                            .map(i -> i.type() + " " + i.comment())
                            .toList();
            return agentSocket.get() + " (" + keys.size() + " key(s)"
                    + (keys.isEmpty() ? "" : ": " + String.join(", ", keys)) + ")";
        } catch (IOException e) {
            return agentSocket.get() + " (not usable: " + e.getMessage() + ")";
        }
    }

    /** Builds {@link SshSettings}. */
    public static final class Builder {
        private List<Path> identityFiles = List.of();
        private Optional<Path> knownHosts = Optional.empty();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private final Map<String, Integer> ports = new HashMap<>();
        private int defaultPort = 22;
        private Path home = Path.of(System.getProperty("user.home"));
        private Optional<Path> agentSocket = Optional.empty();
        private Optional<Path> sshConfig = Optional.empty();
        private Set<String> operatorHosts = Set.of();
        private PassphrasePrompt passphrases = PassphrasePrompt.none();

        private Builder() {}

        /**
         * The operator's setup: {@code home} (default keys, {@code ~/.ssh/config}, {@code ~/.ssh/known_hosts}) and
         * the agent of {@code SSH_AUTH_SOCK} in {@code environment}.
         */
        public Builder environment(Path home, Map<String, String> environment) {
            this.home = home;
            this.sshConfig = Optional.of(home.resolve(".ssh").resolve("config"));
            this.agentSocket = Optional.ofNullable(environment.get("SSH_AUTH_SOCK"))
                    .filter(s -> !s.isBlank())
                    .map(Path::of);
            return this;
        }

        /** The private keys to offer after the agent's (before those of {@code ~/.ssh/config} and the defaults). */
        public Builder identityFiles(List<Path> files) {
            this.identityFiles = List.copyOf(files);
            return this;
        }

        /** A known_hosts file whose entries are enforced for every host. */
        public Builder knownHosts(Path file) {
            this.knownHosts = Optional.of(file);
            return this;
        }

        /** Limit for connecting and the handshake. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** SSH port of one host. */
        public Builder port(String host, int port) {
            ports.put(host, port);
            return this;
        }

        /** SSH port of hosts without their own {@link #port(String, int)} (default 22). */
        public Builder defaultPort(int port) {
            this.defaultPort = port;
            return this;
        }

        /** Hosts checked against the operator's known_hosts (site-config PVE and SSH hosts). */
        public Builder operatorHosts(Set<String> hosts) {
            this.operatorHosts = Set.copyOf(hosts);
            return this;
        }

        /** Who is asked for the passphrase of a protected key file (default: no one). */
        public Builder passphrases(PassphrasePrompt prompt) {
            this.passphrases = prompt;
            return this;
        }

        /** The settings. */
        public SshSettings build() {
            return new SshSettings(
                    identityFiles,
                    knownHosts,
                    connectTimeout,
                    ports,
                    defaultPort,
                    home,
                    agentSocket,
                    sshConfig,
                    operatorHosts,
                    passphrases);
        }
    }

    /** For messages: never the passphrases, only where keys come from. */
    @Override
    public String toString() {
        return "SshSettings[identityFiles=" + identityFiles + ", agent="
                + agentSocket.map(Path::toString).orElse("none") + ", config="
                + sshConfig.map(Path::toString).orElse("none") + ", operatorHosts=" + operatorHosts + "]";
    }
}
