package dev.homestak.actions;

import java.util.Objects;

/**
 * Where to log in: user, host and port.
 *
 * @param user login name
 * @param host IP address or host name
 * @param port TCP port
 */
public record SshEndpoint(String user, String host, int port) {

    /** Validates components. */
    public SshEndpoint {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(host, "host");
        if (user.isBlank() || host.isBlank()) {
            throw new IllegalArgumentException("user and host must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** {@code user@host} on port 22. */
    public static SshEndpoint of(String user, String host) {
        return new SshEndpoint(user, host, 22);
    }

    /** {@code user@host} or {@code user@host:port}. */
    @Override
    public String toString() {
        return user + "@" + host + (port == 22 ? "" : ":" + port);
    }
}
