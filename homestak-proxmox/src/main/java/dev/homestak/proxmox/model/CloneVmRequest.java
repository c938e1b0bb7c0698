package dev.homestak.proxmox.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /nodes/{node}/qemu/{vmid}/clone}.
 *
 * @param newid the clone's VM id
 * @param name the clone's name
 * @param full full copy instead of a linked clone (forced for non-templates)
 * @param storage target storage (full clones only)
 * @param target target node (needs shared storage)
 * @param pool resource pool
 * @param description clone description
 */
public record CloneVmRequest(
        int newid,
        Optional<String> name,
        Optional<Boolean> full,
        Optional<String> storage,
        Optional<String> target,
        Optional<String> pool,
        Optional<String> description) {

    /** Validates. */
    public CloneVmRequest {
        if (newid < 100) {
            throw new IllegalArgumentException("newid must be at least 100, got " + newid);
        }
    }

    /** A builder for a clone with this id. */
    public static Builder builder(int newid) {
        return new Builder(newid);
    }

    /** The form fields PVE receives. */
    public List<Map.Entry<String, String>> form() {
        return new FormFields()
                .put("newid", Integer.toString(newid))
                .opt("name", name)
                .opt("full", full)
                .opt("storage", storage)
                .opt("target", target)
                .opt("pool", pool)
                .opt("description", description)
                .build();
    }

    /** Builds a {@link CloneVmRequest}. */
    public static final class Builder {
        private final int newid;
        private Optional<String> name = Optional.empty();
        private Optional<Boolean> full = Optional.empty();
        private Optional<String> storage = Optional.empty();
        private Optional<String> target = Optional.empty();
        private Optional<String> pool = Optional.empty();
        private Optional<String> description = Optional.empty();

        private Builder(int newid) {
            this.newid = newid;
        }

        /** Sets the name. */
        public Builder name(String value) {
            name = Optional.of(value);
            return this;
        }

        /** Full clone or linked. */
        public Builder full(boolean value) {
            full = Optional.of(value);
            return this;
        }

        /** Sets the target storage. */
        public Builder storage(String value) {
            storage = Optional.of(value);
            return this;
        }

        /** Sets the target node. */
        public Builder target(String value) {
            target = Optional.of(value);
            return this;
        }

        /** Sets the pool. */
        public Builder pool(String value) {
            pool = Optional.of(value);
            return this;
        }

        /** Sets the description. */
        public Builder description(String value) {
            description = Optional.of(value);
            return this;
        }

        /** The request. */
        public CloneVmRequest build() {
            return new CloneVmRequest(newid, name, full, storage, target, pool, description);
        }
    }
}
