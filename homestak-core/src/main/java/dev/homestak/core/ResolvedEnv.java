package dev.homestak.core;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An env resolved for one node: the tofu inputs of the original's {@code resolve_env} (§2.4) as
 * typed values, renderable as the exact tfvars JSON with {@link #toTfvarsJson(boolean)}.
 *
 * @param env the env's name
 * @param host the node the env is deployed to
 * @param apiToken the node's API token (required to resolve)
 * @param vms the resolved VMs in env order
 */
public record ResolvedEnv(String env, HostConfig host, Secret apiToken, List<ResolvedVm> vms) {

    /** Validates components and copies the list. */
    public ResolvedEnv {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(apiToken, "apiToken");
        vms = List.copyOf(vms);
        if (host.apiEndpoint().isEmpty()) {
            throw new IllegalArgumentException("host " + host.name() + " has no API endpoint");
        }
    }

    /** The PVE node name ({@code node:} of the node file, else its name). */
    public String node() {
        return host.nodeName();
    }

    /** The node's API endpoint. */
    public URI apiEndpoint() {
        return host.apiEndpoint().orElseThrow();
    }

    /** The SSH user for the node. */
    public String sshUser() {
        return host.sshUser();
    }

    /** The datastore for VM disks. */
    public String datastore() {
        return host.datastore();
    }

    /** {@code secrets.passwords.vm_root}, if set. */
    public Optional<Secret> rootPassword() {
        return host.rootPassword();
    }

    /** Every public key of {@code secrets.ssh_keys}. */
    public List<String> sshKeys() {
        return host.sshKeys();
    }

    /**
     * The tfvars object in the original's key order: {@code node, api_endpoint, api_token, ssh_user,
     * datastore, root_password, ssh_keys, vms}. Secrets are {@code ***} unless {@code revealSecrets};
     * a missing root password is {@code ""} as in the original.
     */
    public Map<String, Object> toTfvars(boolean revealSecrets) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("node", node());
        out.put("api_endpoint", apiEndpoint().toString());
        out.put("api_token", revealSecrets ? apiToken.reveal() : Secret.MASK);
        out.put("ssh_user", sshUser());
        out.put("datastore", datastore());
        out.put(
                "root_password",
                rootPassword()
                        .map(p -> revealSecrets ? p.reveal() : Secret.MASK)
                        .orElse(""));
        out.put("ssh_keys", sshKeys());
        out.put("vms", vms.stream().map(ResolvedVm::attributes).toList());
        return out;
    }

    /** {@link #toTfvars} as JSON text formatted like Python's {@code json.dump(indent=2)}, with a final newline. */
    public String toTfvarsJson(boolean revealSecrets) {
        return TfvarsJson.write(toTfvars(revealSecrets));
    }
}
