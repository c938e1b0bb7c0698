package dev.homestak.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Binds {@code nodes/<name>.yaml} to a {@link HostConfig}: node file over {@code site.yaml}
 * defaults over built-ins, the API token resolved by FK into the secrets (§4.4).
 */
final class NodeBinder {

    /** 32 colon-separated hex pairs: how PVE (and openssl) print a SHA-256 certificate fingerprint. */
    private static final Pattern FINGERPRINT = Pattern.compile("(?:[0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}");

    private NodeBinder() {}

    static Optional<HostConfig> bind(YamlDoc doc, SiteDefaults site, Secrets secrets, Path root, Problems problems) {
        Map<String, Object> m = doc.root();
        String name = stem(doc.file());
        HostConfig.Builder b = base(name, doc.file(), site, secrets);
        problems.string(doc, m, "", "node").ifPresent(b::nodeName);
        problems.string(doc, m, "", "parent_node").ifPresent(b::parentNode);
        problems.string(doc, m, "", "datastore").ifPresent(b::datastore);
        // host_user is today's name of ssh_user (upstream v0.58)
        problems.string(doc, m, "", "host_user")
                .or(() -> problems.string(doc, m, "", "ssh_user"))
                .ifPresent(b::sshUser);
        problems.string(doc, m, "", "ip").ifPresent(b::ip);
        problems.stringOrStrings(doc, m, "", "ssh_identity").ifPresent(b::sshIdentities);
        problems.bool(doc, m, "", "insecure").ifPresent(b::insecure);
        String tokenKey = problems.string(doc, m, "", "api_token").orElse(name);
        b.apiTokenKey(tokenKey).apiToken(secrets.apiToken(tokenKey));
        boolean ok = endpoint(doc, problems, b)
                & provisioner(doc, problems, b)
                & fingerprint(doc, problems, b)
                & caFile(doc, root, problems, b)
                & port(doc, problems, b);
        return ok ? Optional.of(b.build()) : Optional.empty();
    }

    /** A builder with the built-ins, the site defaults and the global secrets applied. */
    static HostConfig.Builder base(String name, Path file, SiteDefaults site, Secrets secrets) {
        return HostConfig.builder()
                .name(name)
                .file(file)
                .secretsFile(secrets.file())
                .sshUser(site.sshUser().orElse(HostConfig.DEFAULT_SSH_USER))
                .datastore(site.datastore().orElse(HostConfig.DEFAULT_DATASTORE))
                .siteDefaults(site.values())
                .rootPassword(secrets.vmRootPassword())
                .sshKeys(secrets.sshKeyValues())
                .sshIdentities(site.sshIdentities());
    }

    private static boolean endpoint(YamlDoc doc, Problems problems, HostConfig.Builder b) {
        Optional<String> text = problems.string(doc, doc.root(), "", "api_endpoint");
        if (text.isEmpty()) {
            if (!doc.root().containsKey("api_endpoint")) {
                problems.add(new ConfigFailure.Missing(
                        doc.file(), "api_endpoint", "is required: the PVE API URL, e.g. https://pve.example:8006"));
            }
            return false;
        }
        try {
            URI uri = new URI(text.get().strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                problems.invalid(
                        doc,
                        "api_endpoint",
                        "must be an http(s) URL with a host, e.g. https://pve.example:8006, not '" + text.get() + "'");
                return false;
            }
            b.apiEndpoint(uri).sshHost(uri.getHost());
            return true;
        } catch (URISyntaxException e) {
            problems.invalid(doc, "api_endpoint", "is not a valid URL (" + e.getReason() + "): '" + text.get() + "'");
            return false;
        }
    }

    private static boolean provisioner(YamlDoc doc, Problems problems, HostConfig.Builder b) {
        Optional<String> text = problems.string(doc, doc.root(), "", "provisioner");
        if (text.isEmpty()) {
            return !doc.root().containsKey("provisioner");
        }
        Optional<Provisioner> p = Provisioner.parse(text.get());
        p.ifPresentOrElse(
                b::provisioner,
                () -> problems.invalid(doc, "provisioner", "must be 'tofu' or 'api', not '" + text.get() + "'"));
        return p.isPresent();
    }

    private static boolean fingerprint(YamlDoc doc, Problems problems, HostConfig.Builder b) {
        Optional<String> text = problems.string(doc, doc.root(), "", "tls_fingerprint");
        if (text.isEmpty()) {
            return !doc.root().containsKey("tls_fingerprint");
        }
        String value = text.get().strip();
        if (!FINGERPRINT.matcher(value).matches()) {
            problems.invalid(
                    doc,
                    "tls_fingerprint",
                    "must be the SHA-256 certificate fingerprint as 32 hex pairs AA:BB:..., as shown by 'pvenode cert info'");
            return false;
        }
        b.tlsFingerprint(value.toUpperCase(Locale.ROOT));
        return true;
    }

    private static boolean caFile(YamlDoc doc, Path root, Problems problems, HostConfig.Builder b) {
        Optional<String> text = problems.string(doc, doc.root(), "", "tls_ca_file");
        if (text.isEmpty()) {
            return !doc.root().containsKey("tls_ca_file");
        }
        Path ca = root.resolve(text.get()).normalize();
        if (!Files.isRegularFile(ca)) {
            problems.invalid(doc, "tls_ca_file", "names " + ca + ", which is not a file");
            return false;
        }
        b.tlsCaFile(ca);
        return true;
    }

    private static boolean port(YamlDoc doc, Problems problems, HostConfig.Builder b) {
        Optional<Integer> port = problems.integer(doc, doc.root(), "", "vm_ssh_port");
        if (port.isEmpty()) {
            return !doc.root().containsKey("vm_ssh_port");
        }
        if (port.get() < 1 || port.get() > 65535) {
            problems.invalid(doc, "vm_ssh_port", "must be a TCP port 1-65535, not " + port.get());
            return false;
        }
        b.vmSshPort(port.get());
        return true;
    }

    /** The primary key of a file: its name without {@code .yaml}. */
    static String stem(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(".yaml") ? n.substring(0, n.length() - ".yaml".length()) : n;
    }
}
