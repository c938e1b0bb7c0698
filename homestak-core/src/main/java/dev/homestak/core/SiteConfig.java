package dev.homestak.core;

import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A loaded, validated site-config directory: site defaults, PVE nodes, SSH-only hosts, envs, VM
 * templates and presets, and the (decrypted) secrets. Loading either returns all of it or a
 * {@link ConfigFailure} naming every problem; nothing half-loaded is returned.
 *
 * @param root the site-config directory
 * @param siteDefaults {@code site.yaml} {@code defaults}, in file order
 * @param nodes PVE nodes by name ({@code nodes/*.yaml}), merged with defaults and secrets
 * @param hosts SSH-only hosts by name ({@code hosts/*.yaml}); a name may also be a node
 * @param envs environments by name ({@code envs/*.yaml})
 * @param templates VM templates by name ({@code vms/*.yaml})
 * @param presets VM size presets by name ({@code vms/presets/*.yaml})
 * @param secrets the secrets ({@link Secrets#none} when {@code secrets.yaml} does not exist)
 * @param catalog today's layout: {@code presets/}, {@code manifests/}, {@code specs/}, {@code postures/}
 * @param notices one-line notices for the user from loading (an old key name read as its new one)
 */
public record SiteConfig(
        Path root,
        Map<String, Object> siteDefaults,
        Map<String, HostConfig> nodes,
        Map<String, HostConfig> hosts,
        Map<String, EnvConfig> envs,
        Map<String, VmDefinition> templates,
        Map<String, VmDefinition> presets,
        Secrets secrets,
        SiteCatalog catalog,
        List<String> notices) {

    /** Validates components and copies the maps (sorted by name; site defaults keep file order). */
    public SiteConfig {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(secrets, "secrets");
        siteDefaults = Collections.unmodifiableMap(new LinkedHashMap<>(siteDefaults));
        nodes = sorted(nodes);
        hosts = sorted(hosts);
        envs = sorted(envs);
        templates = sorted(templates);
        presets = sorted(presets);
        Objects.requireNonNull(catalog, "catalog");
        notices = List.copyOf(notices);
    }

    /** Finds the site-config of the running process (see {@link #locate}) and loads it. */
    public static Either<ConfigFailure, SiteConfig> discover() {
        return discover(ConfigEnvironment.system());
    }

    /** Finds the site-config as {@link #locate} does in {@code env} and loads it. */
    public static Either<ConfigFailure, SiteConfig> discover(ConfigEnvironment env) {
        return locate(env).flatMap(root -> load(root, env));
    }

    /**
     * The site-config directory: {@code $HOMESTAK_SITE_CONFIG} (a failure if set but not a directory),
     * else {@code ../site-config} next to the working directory, else {@code /opt/homestak/site-config}.
     */
    public static Either<ConfigFailure, Path> locate(ConfigEnvironment env) {
        return SiteConfigDiscovery.locate(env);
    }

    /** Loads the site-config at an explicit path, decrypting secrets with the process's age keys. */
    public static Either<ConfigFailure, SiteConfig> load(Path root) {
        return load(root, ConfigEnvironment.system());
    }

    /** Loads the site-config at {@code root}; {@code env} supplies the age keys for SOPS-encrypted secrets. */
    public static Either<ConfigFailure, SiteConfig> load(Path root, ConfigEnvironment env) {
        return SiteConfigLoader.load(root, env);
    }

    /**
     * The host called {@code name}: the node of {@code nodes/<name>.yaml}, else the SSH-only host of
     * {@code hosts/<name>.yaml}, else a failure listing the available names.
     */
    public Either<ConfigFailure, HostConfig> host(String name) {
        Optional<HostConfig> found =
                Optional.ofNullable(nodes.get(name)).or(() -> Optional.ofNullable(hosts.get(name)));
        return found.<Either<ConfigFailure, HostConfig>>map(Either::right)
                .orElseGet(() -> Either.left(new ConfigFailure.Unknown(
                        "host",
                        name,
                        hostNames(),
                        "create " + Problems.fileFor(root.resolve("nodes"), name) + " (PVE node) or "
                                + Problems.fileFor(root.resolve("hosts"), name) + " (SSH-only host)")));
    }

    /** The PVE node called {@code name} ({@code nodes/<name>.yaml}), else a failure listing the nodes. */
    public Either<ConfigFailure, HostConfig> node(String name) {
        return Optional.ofNullable(nodes.get(name))
                .<Either<ConfigFailure, HostConfig>>map(Either::right)
                .orElseGet(() -> Either.left(new ConfigFailure.Unknown(
                        "node",
                        name,
                        List.copyOf(nodes.keySet()),
                        "node config not found: create " + Problems.fileFor(root.resolve("nodes"), name))));
    }

    /** The env called {@code name} ({@code envs/<name>.yaml}), else a failure listing the envs. */
    public Either<ConfigFailure, EnvConfig> env(String name) {
        return Optional.ofNullable(envs.get(name))
                .<Either<ConfigFailure, EnvConfig>>map(Either::right)
                .orElseGet(() -> Either.left(new ConfigFailure.Unknown(
                        "env",
                        name,
                        envNames(),
                        "env config not found: create " + Problems.fileFor(root.resolve("envs"), name))));
    }

    /**
     * The size preset {@code presets/<name>.yaml} of today's layout, else a failure listing the presets
     * (the seed's {@code vms/presets/} are {@link #presets()}).
     */
    public Either<ConfigFailure, Preset> preset(String name) {
        return Optional.ofNullable(catalog.presets().get(name))
                .<Either<ConfigFailure, Preset>>map(Either::right)
                .orElseGet(() -> Either.left(new ConfigFailure.Unknown(
                        "preset",
                        name,
                        List.copyOf(catalog.presets().keySet()),
                        "create " + Problems.fileFor(root.resolve("presets"), name)
                                + " with cores, memory (MB) and disk (GB)")));
    }

    /** The {@code site.yaml} defaults of today's layout, typed, older key names included. */
    public SiteSettings settings() {
        return SiteSettings.of(siteDefaults);
    }

    /** This site-config with {@code host} added (a node, or an SSH-only host), replacing one of the same name. */
    public SiteConfig withHost(HostConfig host) {
        Map<String, HostConfig> moreNodes = new LinkedHashMap<>(nodes);
        Map<String, HostConfig> moreHosts = new LinkedHashMap<>(hosts);
        (host.hostOnly() ? moreHosts : moreNodes).put(host.name(), host);
        return new SiteConfig(
                root, siteDefaults, moreNodes, moreHosts, envs, templates, presets, secrets, catalog, notices);
    }

    /** Sorted union of node and SSH-only host names (what {@code --host} accepts). */
    public List<String> hostNames() {
        TreeSet<String> names = new TreeSet<>(nodes.keySet());
        names.addAll(hosts.keySet());
        return List.copyOf(names);
    }

    /** Sorted env names. */
    public List<String> envNames() {
        return List.copyOf(envs.keySet());
    }

    /** A builder for a site-config assembled in code (tests, the simulator's built-in site). */
    public static Builder builder(Path root) {
        return new Builder(root);
    }

    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return Collections.unmodifiableMap(new java.util.TreeMap<>(map));
    }

    /** Builds a {@link SiteConfig}; the only mutable type here. */
    public static final class Builder {
        private final Path root;
        private Map<String, Object> siteDefaults = Map.of();
        private final Map<String, HostConfig> nodes = new LinkedHashMap<>();
        private final Map<String, HostConfig> hosts = new LinkedHashMap<>();
        private final Map<String, EnvConfig> envs = new LinkedHashMap<>();
        private final Map<String, VmDefinition> templates = new LinkedHashMap<>();
        private final Map<String, VmDefinition> presets = new LinkedHashMap<>();
        private Secrets secrets;
        private SiteCatalog catalog = SiteCatalog.empty();
        private final List<String> notices = new java.util.ArrayList<>();

        private Builder(Path root) {
            this.root = Objects.requireNonNull(root, "root");
            this.secrets = Secrets.none(root.resolve("secrets.yaml"));
        }

        /** Sets the site defaults. */
        public Builder siteDefaults(Map<String, Object> v) {
            siteDefaults = v;
            return this;
        }

        /** Adds a PVE node, or an SSH-only host when {@link HostConfig#hostOnly()}. */
        public Builder host(HostConfig host) {
            (host.hostOnly() ? hosts : nodes).put(host.name(), host);
            return this;
        }

        /** Adds an env. */
        public Builder env(EnvConfig env) {
            envs.put(env.name(), env);
            return this;
        }

        /** Adds a VM template. */
        public Builder template(VmDefinition template) {
            templates.put(template.name(), template);
            return this;
        }

        /** Adds a VM preset. */
        public Builder preset(VmDefinition preset) {
            presets.put(preset.name(), preset);
            return this;
        }

        /** Sets the secrets. */
        public Builder secrets(Secrets v) {
            secrets = v;
            return this;
        }

        /** Sets the parts of today's layout. */
        public Builder catalog(SiteCatalog v) {
            catalog = v;
            return this;
        }

        /** Adds a notice for the user. */
        public Builder notice(String v) {
            notices.add(v);
            return this;
        }

        /** The site-config. */
        public SiteConfig build() {
            return new SiteConfig(
                    root, siteDefaults, nodes, hosts, envs, templates, presets, secrets, catalog, notices);
        }
    }
}
