package dev.homestak.actions;

import dev.homestak.core.Failure;
import java.util.Objects;

/**
 * Why one VM of several could not be handled, naming the VM: {@code VM 99900 (test): <reason>}.
 *
 * @param vm    the VM, by id and name
 * @param cause the action's failure for it
 */
public record VmFailure(ProvisionedVm vm, ActionFailure cause) implements Failure {

    /** Validates components. */
    public VmFailure {
        Objects.requireNonNull(vm, "vm");
        Objects.requireNonNull(cause, "cause");
    }

    @Override
    public String message() {
        return vm.label() + ": " + cause.message();
    }
}
