package dev.homestak.scenarios;

import dev.homestak.core.Failure;
import dev.homestak.proxmox.ProxmoxFailure;
import java.util.Objects;

/**
 * A Proxmox failure with what was being done when it happened, so the report reads
 * {@code starting VM 99900 (test) on pve: <PVE's reason>}.
 *
 * @param what  the step, naming the VM and the PVE
 * @param cause the client's failure, with PVE's reason
 */
record PveStepFailure(String what, ProxmoxFailure cause) implements Failure {

    PveStepFailure {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(cause, "cause");
    }

    @Override
    public String message() {
        return what + ": " + cause.message();
    }
}
