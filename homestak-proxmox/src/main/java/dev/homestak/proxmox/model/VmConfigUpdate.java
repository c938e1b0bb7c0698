package dev.homestak.proxmox.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A change to a VM's config ({@code PUT} or {@code POST /nodes/{node}/qemu/{vmid}/config}).
 *
 * @param options options to set, by PVE name
 * @param sshKeys cloud-init keys, plain (encoded by the client)
 * @param delete options to remove
 * @param digest the config digest read before, to refuse concurrent changes
 */
public record VmConfigUpdate(
        Map<String, String> options, Optional<String> sshKeys, List<String> delete, Optional<String> digest) {

    /** Validates and copies. */
    public VmConfigUpdate {
        options = FormFields.checkedOptions(options);
        delete = List.copyOf(delete);
    }

    /** An empty update to fill in. */
    public static Builder builder() {
        return new Builder();
    }

    /** The form fields PVE receives. */
    public List<Map.Entry<String, String>> form() {
        FormFields f = new FormFields();
        new TreeMap<>(options).forEach(f::put);
        f.opt("sshkeys", sshKeys.map(SshKeys::encode));
        if (!delete.isEmpty()) {
            f.put("delete", String.join(",", delete));
        }
        return f.opt("digest", digest).build();
    }

    /** Builds a {@link VmConfigUpdate}. */
    public static final class Builder {
        private final Map<String, String> options = new LinkedHashMap<>();
        private Optional<String> sshKeys = Optional.empty();
        private final List<String> delete = new ArrayList<>();
        private Optional<String> digest = Optional.empty();

        private Builder() {}

        /** Sets an option, e.g. {@code cores=4} or {@code ipconfig0=ip=dhcp}. */
        public Builder set(String key, String value) {
            options.put(key, value);
            return this;
        }

        /** Sets cloud-init public keys (plain text). */
        public Builder sshKeys(String value) {
            sshKeys = Optional.of(value);
            return this;
        }

        /** Removes an option. */
        public Builder delete(String key) {
            delete.add(key);
            return this;
        }

        /** Refuses the change if the config changed since this digest was read. */
        public Builder digest(String value) {
            digest = Optional.of(value);
            return this;
        }

        /** The update. */
        public VmConfigUpdate build() {
            return new VmConfigUpdate(options, sshKeys, delete, digest);
        }
    }
}
