package dev.homestak.cli;

import dev.homestak.core.HostConfig;
import dev.homestak.core.Secret;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The printable form of a {@link HostConfig}: one key per line, in site-config key names, secrets masked. */
final class HostConfigView {

    private HostConfigView() {}

    /** The host's merged values as ordered {@code key -> text}. */
    static Map<String, String> of(HostConfig c) {
        Map<String, String> view = new LinkedHashMap<>();
        view.put("name", c.name());
        view.put("file", c.file().toString());
        view.put("kind", c.hostOnly() ? "host (ssh only)" : "node");
        view.put("node", c.nodeName());
        c.parentNode().ifPresent(p -> view.put("parent_node", p));
        view.put("api_endpoint", c.apiEndpoint().map(Object::toString).orElse(""));
        view.put("api_token", c.apiTokenKey() + " -> " + masked(c.apiToken()));
        view.put("ssh_host", c.sshHost());
        view.put("ssh_user", c.sshUser());
        view.put("datastore", c.datastore());
        c.ip().ifPresent(ip -> view.put("ip", ip));
        view.put("provisioner", c.provisioner().configName());
        view.put("tls_fingerprint", c.tlsFingerprint().orElse(""));
        c.tlsCaFile().ifPresent(f -> view.put("tls_ca_file", f.toString()));
        view.put("insecure", Boolean.toString(c.insecure()));
        view.put("vm_ssh_port", Integer.toString(c.vmSshPort()));
        view.put("root_password", masked(c.rootPassword()));
        view.put("ssh_keys", c.sshKeys().size() + " key(s)");
        c.siteDefaults().forEach((k, v) -> view.put("defaults." + k, String.valueOf(v)));
        return view;
    }

    private static String masked(Optional<Secret> secret) {
        return secret.map(Secret::toString).orElse("(not set)");
    }
}
