package dev.homestak.actions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the SSH client authenticates and checks host keys.
 *
 * @param identityFiles  private key files offered, in order (OpenSSH format; ed25519, ecdsa, rsa)
 * @param knownHosts     an OpenSSH {@code known_hosts} file whose entries are enforced; hosts not in it
 *                       are accepted on first use for the rest of the run
 * @param connectTimeout limit for the TCP connect and the SSH handshake of one connection
 * @param ports          SSH port per host (IP or name) where it is not {@code defaultPort}, as {@code Port} in ~/.ssh/config
 * @param defaultPort    SSH port of every other host (22; a node's {@code vm_ssh_port}, or the simulator's SSH port)
 */
public record SshSettings(List<Path> identityFiles, Optional<Path> knownHosts, Duration connectTimeout,
                          Map<String, Integer> ports, int defaultPort) {

    /** Validates and copies components. */
    public SshSettings {
        identityFiles = List.copyOf(identityFiles);
        Objects.requireNonNull(knownHosts, "knownHosts");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        ports = Map.copyOf(ports);
        if (defaultPort < 1 || defaultPort > 65535) {
            throw new IllegalArgumentException("defaultPort out of range: " + defaultPort);
        }
    }

    /** The user's default keys ({@code ~/.ssh/id_ed25519}, {@code ~/.ssh/id_rsa}, those that exist). */
    public static SshSettings defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The port to use for {@code host}. */
    public int portFor(String host) {
        return ports.getOrDefault(host, defaultPort);
    }

    /** Builds {@link SshSettings}. */
    public static final class Builder {
        private List<Path> identityFiles = defaultIdentities(Path.of(System.getProperty("user.home")));
        private Optional<Path> knownHosts = Optional.empty();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private final Map<String, Integer> ports = new HashMap<>();
        private int defaultPort = 22;

        private Builder() {
        }

        /** The private keys to offer (replaces the defaults). */
        public Builder identityFiles(List<Path> files) {
            this.identityFiles = List.copyOf(files);
            return this;
        }

        /** A known_hosts file whose entries are enforced. */
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

        /** The settings. */
        public SshSettings build() {
            return new SshSettings(identityFiles, knownHosts, connectTimeout, ports, defaultPort);
        }

        private static List<Path> defaultIdentities(Path home) {
            return java.util.stream.Stream.of("id_ed25519", "id_rsa").map(n -> home.resolve(".ssh").resolve(n))
                    .filter(Files::isRegularFile).toList();
        }
    }
}
