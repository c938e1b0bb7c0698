package dev.homestak.proxmox.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /nodes/{node}/qemu}: a new VM. Typed components cover the common options; any other
 * option (a disk {@code scsi0}, {@code ide2}, {@code serial0}, {@code boot}, ...) goes in
 * {@code options} with its PVE name and property-string value.
 *
 * @param vmid the new VM's id
 * @param name VM name (a DNS name)
 * @param memory MiB
 * @param cores CPU cores
 * @param ciuser cloud-init user
 * @param sshKeys cloud-init public keys, plain (the client applies PVE's strict encoding)
 * @param agent enable the QEMU guest agent
 * @param start start the VM after creating it
 * @param options further options by PVE name
 */
public record CreateVmRequest(
        int vmid,
        Optional<String> name,
        Optional<Integer> memory,
        Optional<Integer> cores,
        Optional<String> ciuser,
        Optional<String> sshKeys,
        Optional<Boolean> agent,
        Optional<Boolean> start,
        Map<String, String> options) {

    /** Validates and copies. */
    public CreateVmRequest {
        if (vmid < 100) {
            throw new IllegalArgumentException("vmid must be at least 100, got " + vmid);
        }
        options = FormFields.checkedOptions(options);
    }

    /** A builder for a VM with this id. */
    public static Builder builder(int vmid) {
        return new Builder(vmid);
    }

    /** The form fields PVE receives, in a stable order. */
    public List<Map.Entry<String, String>> form() {
        FormFields f = new FormFields()
                .put("vmid", Integer.toString(vmid))
                .opt("name", name)
                .opt("memory", memory)
                .opt("cores", cores)
                .opt("ciuser", ciuser)
                .opt("sshkeys", sshKeys.map(SshKeys::encode))
                .opt("agent", agent.map(a -> a ? "enabled=1" : "enabled=0"));
        new java.util.TreeMap<>(options).forEach(f::put);
        return f.opt("start", start).build();
    }

    /** Builds a {@link CreateVmRequest}. */
    public static final class Builder {
        private final int vmid;
        private Optional<String> name = Optional.empty();
        private Optional<Integer> memory = Optional.empty();
        private Optional<Integer> cores = Optional.empty();
        private Optional<String> ciuser = Optional.empty();
        private Optional<String> sshKeys = Optional.empty();
        private Optional<Boolean> agent = Optional.empty();
        private Optional<Boolean> start = Optional.empty();
        private final Map<String, String> options = new LinkedHashMap<>();

        private Builder(int vmid) {
            this.vmid = vmid;
        }

        /** Sets the name. */
        public Builder name(String value) {
            name = Optional.of(value);
            return this;
        }

        /** Sets memory in MiB. */
        public Builder memoryMiB(int value) {
            memory = Optional.of(value);
            return this;
        }

        /** Sets the core count. */
        public Builder cores(int value) {
            cores = Optional.of(value);
            return this;
        }

        /** Sets the cloud-init user. */
        public Builder ciuser(String value) {
            ciuser = Optional.of(value);
            return this;
        }

        /** Sets cloud-init public keys (plain text, one per line). */
        public Builder sshKeys(String value) {
            sshKeys = Optional.of(value);
            return this;
        }

        /** Enables or disables the guest agent. */
        public Builder agent(boolean value) {
            agent = Optional.of(value);
            return this;
        }

        /** Starts the VM once created. */
        public Builder start(boolean value) {
            start = Optional.of(value);
            return this;
        }

        /** Sets any other option by its PVE name, e.g. {@code net0}, {@code scsi0}, {@code ipconfig0}. */
        public Builder option(String key, String value) {
            options.put(key, value);
            return this;
        }

        /** The request. */
        public CreateVmRequest build() {
            return new CreateVmRequest(vmid, name, memory, cores, ciuser, sshKeys, agent, start, options);
        }
    }
}
