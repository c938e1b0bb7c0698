package dev.homestak.manifests;

import java.util.Objects;
import java.util.Optional;

/**
 * A VM of the deployment as the host shows it now (found by the deployment tag).
 *
 * @param name   its name (the node's)
 * @param vmid   its id
 * @param status {@code running}, {@code stopped}, ...
 * @param ip     its guest agent address, when it runs and answers
 * @param ssh    whether SSH answered (checked only when the manifest verifies SSH)
 */
public record LiveVm(String name, int vmid, String status, Optional<String> ip, boolean ssh) {

    /** Validates components. */
    public LiveVm {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(ip, "ip");
    }

    /** True when the VM runs. */
    public boolean running() {
        return status.equals("running");
    }
}
