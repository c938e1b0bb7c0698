package dev.homestak.core;

import io.vavr.control.Either;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything needed to reach one host: a PVE node from {@code nodes/<name>.yaml} merged as
 * built-in defaults → {@code site.yaml} {@code defaults} → node file → secrets, or an SSH-only
 * host from {@code hosts/<name>.yaml} ({@link #hostOnly()}).
 *
 * <p>The API token is looked up when the config is loaded but only demanded by
 * {@link #requireApiToken()}: a host that is only reached over SSH needs no token.
 *
 * @param name the primary key: the file stem ({@code nodes/pve.yaml} ⇒ {@code pve})
 * @param file the file the host was read from
 * @param hostOnly true for an SSH-only entry of {@code hosts/} (no PVE API)
 * @param nodeName the PVE node name ({@code node:} key, default the file stem)
 * @param parentNode {@code parent_node}: the node a nested PVE runs on
 * @param apiEndpoint {@code api_endpoint}, e.g. {@code https://localhost:8006}; empty for SSH-only hosts
 * @param apiTokenKey the key into {@code secrets.api_tokens} ({@code api_token:} FK, default the name)
 * @param apiToken the token found under that key, if any
 * @param secretsFile the secrets file the token was looked up in (for messages)
 * @param sshHost where to SSH: the hostname of {@code api_endpoint} (hosts: {@code ip} or vmbr0 address)
 * @param sshUser node {@code ssh_user} → site {@code ssh_user} → {@code root}
 * @param datastore node {@code datastore} → site {@code datastore} → {@code local-zfs}
 * @param ip {@code ip}: the node's address, if given
 * @param provisioner {@code provisioner}: {@code tofu} (default) or {@code api}
 * @param tlsFingerprint {@code tls_fingerprint}: SHA-256 of the PVE certificate, {@code AA:BB:...} upper case
 * @param tlsCaFile {@code tls_ca_file}: a PEM CA file (relative paths are resolved against the site-config)
 * @param insecure {@code insecure}: skip TLS verification (default false)
 * @param vmSshPort {@code vm_ssh_port}: SSH port of the VMs on this node (default 22)
 * @param siteDefaults {@code site.yaml} {@code defaults} as read (timezone, domain, bridge, gateway, ...)
 * @param rootPassword {@code secrets.passwords.vm_root}
 * @param sshKeys every public key of {@code secrets.ssh_keys}, in file order
 * @param sshIdentities node {@code ssh_identity} → site {@code ssh_identity}: the private key files homestak logs in
 *                      with, as written ({@code ~/} is the operator's home, relative names are relative to the
 *                      site-config directory: see {@link #sshIdentityFiles})
 */
public record HostConfig(
        String name,
        Path file,
        boolean hostOnly,
        String nodeName,
        Optional<String> parentNode,
        Optional<URI> apiEndpoint,
        String apiTokenKey,
        Optional<Secret> apiToken,
        Path secretsFile,
        String sshHost,
        String sshUser,
        String datastore,
        Optional<String> ip,
        Provisioner provisioner,
        Optional<String> tlsFingerprint,
        Optional<Path> tlsCaFile,
        boolean insecure,
        int vmSshPort,
        Map<String, Object> siteDefaults,
        Optional<Secret> rootPassword,
        List<String> sshKeys,
        List<String> sshIdentities) {

    /** Built-in SSH user (§4.4). */
    public static final String DEFAULT_SSH_USER = "root";
    /** Built-in datastore (§4.4). */
    public static final String DEFAULT_DATASTORE = "local-zfs";
    /** Built-in VM SSH port. */
    public static final int DEFAULT_VM_SSH_PORT = 22;

    /** Validates every component and copies collections. */
    public HostConfig {
        for (Object o : new Object[] {
            name,
            file,
            nodeName,
            parentNode,
            apiEndpoint,
            apiTokenKey,
            apiToken,
            secretsFile,
            sshHost,
            sshUser,
            datastore,
            ip,
            provisioner,
            tlsFingerprint,
            tlsCaFile,
            rootPassword
        }) {
            Objects.requireNonNull(o, "HostConfig component");
        }
        if (vmSshPort < 1 || vmSshPort > 65535) {
            throw new IllegalArgumentException("vmSshPort out of range: " + vmSshPort);
        }
        siteDefaults = Collections.unmodifiableMap(new LinkedHashMap<>(siteDefaults));
        sshKeys = List.copyOf(sshKeys);
        sshIdentities = List.copyOf(sshIdentities);
    }

    /**
     * The {@link #sshIdentities} as files: {@code ~/} under {@code home}, relative names under {@code siteRoot}.
     */
    public List<Path> sshIdentityFiles(Path home, Path siteRoot) {
        return sshIdentities.stream()
                .map(f -> f.equals("~") || f.startsWith("~/")
                        ? home.resolve(f.substring(Math.min(2, f.length())))
                        : siteRoot.resolve(f))
                .toList();
    }

    /** The {@link #siteDefaults} typed, as {@link SiteConfig#settings()} reads them. */
    public SiteSettings siteSettings() {
        return SiteSettings.of(siteDefaults);
    }

    /** A builder with the built-in defaults; {@code name}, {@code file} and {@code secretsFile} must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this config's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * The API token, or a failure naming {@code secrets.yaml} and {@code api_tokens.<key>} when the
     * node's token FK points at nothing (or the host is SSH-only).
     */
    public Either<ConfigFailure, Secret> requireApiToken() {
        if (hostOnly) {
            return Either.left(new ConfigFailure.Missing(
                    file,
                    "api_endpoint",
                    "is not available: " + name + " is an SSH-only host (hosts/" + name + ".yaml); add nodes/" + name
                            + ".yaml"));
        }
        return apiToken.<Either<ConfigFailure, Secret>>map(Either::right)
                .orElseGet(() -> Either.left(new ConfigFailure.Missing(
                        secretsFile,
                        "api_tokens." + apiTokenKey,
                        "is not set, but node '" + name + "' needs it (" + file.getFileName() + " api_token: "
                                + apiTokenKey
                                + "): add the token to secrets.yaml, or run 'make decrypt' in the site-config")));
    }

    /** Builds a {@link HostConfig}; the only mutable type here. */
    public static final class Builder {
        private String name = "";
        private Path file = Path.of("");
        private boolean hostOnly;
        private String nodeName = "";
        private Optional<String> parentNode = Optional.empty();
        private Optional<URI> apiEndpoint = Optional.empty();
        private String apiTokenKey = "";
        private Optional<Secret> apiToken = Optional.empty();
        private Path secretsFile = Path.of("secrets.yaml");
        private String sshHost = "";
        private String sshUser = DEFAULT_SSH_USER;
        private String datastore = DEFAULT_DATASTORE;
        private Optional<String> ip = Optional.empty();
        private Provisioner provisioner = Provisioner.TOFU;
        private Optional<String> tlsFingerprint = Optional.empty();
        private Optional<Path> tlsCaFile = Optional.empty();
        private boolean insecure;
        private int vmSshPort = DEFAULT_VM_SSH_PORT;
        private Map<String, Object> siteDefaults = Map.of();
        private Optional<Secret> rootPassword = Optional.empty();
        private List<String> sshKeys = List.of();
        private List<String> sshIdentities = List.of();

        private Builder() {}

        private Builder(HostConfig c) {
            name = c.name;
            file = c.file;
            hostOnly = c.hostOnly;
            nodeName = c.nodeName;
            parentNode = c.parentNode;
            apiEndpoint = c.apiEndpoint;
            apiTokenKey = c.apiTokenKey;
            apiToken = c.apiToken;
            secretsFile = c.secretsFile;
            sshHost = c.sshHost;
            sshUser = c.sshUser;
            datastore = c.datastore;
            ip = c.ip;
            provisioner = c.provisioner;
            tlsFingerprint = c.tlsFingerprint;
            tlsCaFile = c.tlsCaFile;
            insecure = c.insecure;
            vmSshPort = c.vmSshPort;
            siteDefaults = c.siteDefaults;
            rootPassword = c.rootPassword;
            sshKeys = c.sshKeys;
            sshIdentities = c.sshIdentities;
        }

        /** Sets the primary key; also the default node name, token key and SSH host. */
        public Builder name(String v) {
            name = v;
            return this;
        }
        /** Sets the source file. */
        public Builder file(Path v) {
            file = v;
            return this;
        }
        /** Marks an SSH-only host. */
        public Builder hostOnly(boolean v) {
            hostOnly = v;
            return this;
        }
        /** Sets the PVE node name. */
        public Builder nodeName(String v) {
            nodeName = v;
            return this;
        }
        /** Sets the parent node of a nested PVE. */
        public Builder parentNode(String v) {
            parentNode = Optional.of(v);
            return this;
        }
        /** Sets the API endpoint. */
        public Builder apiEndpoint(URI v) {
            apiEndpoint = Optional.of(v);
            return this;
        }
        /** Sets the key into {@code secrets.api_tokens}. */
        public Builder apiTokenKey(String v) {
            apiTokenKey = v;
            return this;
        }
        /** Sets the token (or none). */
        public Builder apiToken(Optional<Secret> v) {
            apiToken = v;
            return this;
        }
        /** Sets the secrets file named in messages. */
        public Builder secretsFile(Path v) {
            secretsFile = v;
            return this;
        }
        /** Sets the SSH host. */
        public Builder sshHost(String v) {
            sshHost = v;
            return this;
        }
        /** Sets the SSH user. */
        public Builder sshUser(String v) {
            sshUser = v;
            return this;
        }
        /** Sets the datastore. */
        public Builder datastore(String v) {
            datastore = v;
            return this;
        }
        /** Sets the node IP. */
        public Builder ip(String v) {
            ip = Optional.of(v);
            return this;
        }
        /** Sets the provisioner. */
        public Builder provisioner(Provisioner v) {
            provisioner = v;
            return this;
        }
        /** Sets the pinned certificate fingerprint. */
        public Builder tlsFingerprint(String v) {
            tlsFingerprint = Optional.of(v);
            return this;
        }
        /** Sets the CA file. */
        public Builder tlsCaFile(Path v) {
            tlsCaFile = Optional.of(v);
            return this;
        }
        /** Turns TLS verification off (or on). */
        public Builder insecure(boolean v) {
            insecure = v;
            return this;
        }
        /** Sets the VMs' SSH port. */
        public Builder vmSshPort(int v) {
            vmSshPort = v;
            return this;
        }
        /** Sets the site defaults. */
        public Builder siteDefaults(Map<String, Object> v) {
            siteDefaults = v;
            return this;
        }
        /** Sets the VM root password hash (or none). */
        public Builder rootPassword(Optional<Secret> v) {
            rootPassword = v;
            return this;
        }
        /** Sets the public keys. */
        public Builder sshKeys(List<String> v) {
            sshKeys = v;
            return this;
        }
        /** Sets the private key files ({@code ssh_identity}). */
        public Builder sshIdentities(List<String> v) {
            sshIdentities = v;
            return this;
        }

        /** The config; the node name, token key and SSH host default to the name when not set. */
        public HostConfig build() {
            if (name.isBlank()) {
                throw new IllegalStateException("HostConfig needs a name");
            }
            return new HostConfig(
                    name,
                    file,
                    hostOnly,
                    nodeName.isEmpty() ? name : nodeName,
                    parentNode,
                    apiEndpoint,
                    apiTokenKey.isEmpty() ? name : apiTokenKey,
                    apiToken,
                    secretsFile,
                    sshHost.isEmpty() ? name : sshHost,
                    sshUser,
                    datastore,
                    ip,
                    provisioner,
                    tlsFingerprint,
                    tlsCaFile,
                    insecure,
                    vmSshPort,
                    siteDefaults,
                    rootPassword,
                    sshKeys,
                    sshIdentities);
        }
    }
}
