package dev.homestak.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code site.yaml} {@code defaults} of today's layout, typed, by their current names; a value
 * written under an older name ({@code ssh_user}, {@code automation_user}, {@code spec_server},
 * {@code packer_release}) is found too. Empty text counts as not set (upstream's templates write {@code ""}).
 *
 * @param hostUser SSH user for PVE hosts ({@code host_user}, formerly {@code ssh_user})
 * @param vmUser user cloud-init creates on VMs ({@code vm_user}, formerly {@code automation_user})
 * @param serverUrl spec server for pull mode ({@code server_url}, formerly {@code spec_server})
 * @param imageRelease release tag of the images ({@code image_release}, formerly {@code packer_release})
 * @param bridge network bridge for VMs ({@code bridge})
 * @param gateway the VMs' gateway ({@code gateway})
 * @param dnsServers DNS servers for VMs ({@code dns_servers})
 * @param packages packages cloud-init installs on every VM ({@code packages})
 * @param timezone system timezone ({@code timezone})
 * @param domain local domain ({@code domain})
 */
public record SiteSettings(
        Optional<String> hostUser,
        Optional<String> vmUser,
        Optional<String> serverUrl,
        Optional<String> imageRelease,
        Optional<String> bridge,
        Optional<String> gateway,
        List<String> dnsServers,
        List<String> packages,
        Optional<String> timezone,
        Optional<String> domain) {

    /** The bridge VMs are attached to when {@code site.yaml} names none. */
    public static final String DEFAULT_BRIDGE = "vmbr0";

    /** Validates components and copies the lists. */
    public SiteSettings {
        Objects.requireNonNull(hostUser, "hostUser");
        Objects.requireNonNull(vmUser, "vmUser");
        Objects.requireNonNull(serverUrl, "serverUrl");
        Objects.requireNonNull(imageRelease, "imageRelease");
        Objects.requireNonNull(bridge, "bridge");
        Objects.requireNonNull(gateway, "gateway");
        dnsServers = List.copyOf(dnsServers);
        packages = List.copyOf(packages);
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(domain, "domain");
    }

    /** {@link #bridge}, else {@link #DEFAULT_BRIDGE}. */
    public String bridgeOrDefault() {
        return bridge.orElse(DEFAULT_BRIDGE);
    }

    /** The settings of a loaded site-config's defaults (values of a wrong type were refused when loading). */
    static SiteSettings of(Map<String, Object> defaults) {
        return new SiteSettings(
                text(defaults, "host_user"),
                text(defaults, "vm_user"),
                text(defaults, "server_url"),
                text(defaults, "image_release"),
                text(defaults, "bridge"),
                text(defaults, "gateway"),
                list(defaults, "dns_servers"),
                list(defaults, "packages"),
                text(defaults, "timezone"),
                text(defaults, "domain"));
    }

    private static Optional<String> text(Map<String, Object> defaults, String key) {
        Optional<String> old = SiteKeys.RENAMED.stream()
                .filter(k -> k.current().equals(key))
                .findFirst()
                .map(SiteKeys::old);
        Object value = defaults.containsKey(key)
                ? defaults.get(key)
                : old.map(defaults::get).orElse(null);
        return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    private static List<String> list(Map<String, Object> defaults, String key) {
        return defaults.get(key) instanceof List<?> items
                ? items.stream()
                        .filter(String.class::isInstance)
                        .map(String.class::cast)
                        .toList()
                : List.of();
    }
}
