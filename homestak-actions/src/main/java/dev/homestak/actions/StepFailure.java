package dev.homestak.actions;

import java.util.Objects;

/**
 * An action's failure with the step it happened in, so the report names the phase's VM and PVE as well as PVE's
 * reason: {@code starting VM 99900 (test) on sim: task qmstart 99900 on pve failed: ...}. The single-VM actions
 * name only the VM id; {@link VmSteps} adds the VM's name and the host.
 *
 * @param what  the step, naming the VM and the PVE
 * @param cause the action's failure
 */
public record StepFailure(String what, ActionFailure cause) implements ActionFailure {

    /** Validates components. */
    public StepFailure {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(cause, "cause");
    }

    /**
     * {@code failure} named after {@code what}; a cancellation or timeout stays what it is, because the runner
     * reports those by kind ("Interrupted", "Timeout exceeded").
     */
    public static ActionFailure wrap(String what, ActionFailure failure) {
        return failure instanceof ActionFailure.Cancelled || failure instanceof ActionFailure.Timeout
                ? failure
                : new StepFailure(what, failure);
    }

    @Override
    public String message() {
        return what + ": " + cause.message();
    }
}
