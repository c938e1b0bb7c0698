package dev.homestak.actions;

import dev.homestak.core.Facts;
import dev.homestak.core.HostConfig;
import dev.homestak.core.Key;
import java.util.Map;
import java.util.Optional;

/**
 * The host config as the original's {@code getattr(config, attr)} saw it: attribute names
 * ({@code ssh_host}, {@code ssh_user}, {@code node}, {@code datastore}, {@code ip}, {@code api_endpoint},
 * {@code name}, {@code parent_node}, {@code vm_ssh_port}), then any key of the site defaults
 * ({@code packer_release_repo}, {@code bridge}, ...). Secrets are never exposed this way.
 */
final class HostAttributes {

    private HostAttributes() {}

    /** The host's value for {@code key}, converted to its type; empty when absent or of another type. */
    static <T> Optional<T> lookup(HostConfig host, Key<T> key) {
        return raw(host, key.name()).flatMap(value -> {
            try {
                return Facts.fromMap(Map.of(key.name(), value)).get(key);
            } catch (IllegalStateException e) {
                return Optional.empty();
            }
        });
    }

    private static Optional<Object> raw(HostConfig host, String name) {
        return switch (name) {
            case "name" -> Optional.of(host.name());
            case "ssh_host" -> Optional.of(host.sshHost());
            case "ssh_user" -> Optional.of(host.sshUser());
            case "node" -> Optional.of(host.nodeName());
            case "datastore" -> Optional.of(host.datastore());
            case "ip" -> host.ip().map(Object.class::cast);
            case "api_endpoint" -> host.apiEndpoint().map(Object::toString);
            case "parent_node" -> host.parentNode().map(Object.class::cast);
            case "vm_ssh_port" -> Optional.of(host.vmSshPort());
            default -> Optional.ofNullable(host.siteDefaults().get(name));
        };
    }
}
