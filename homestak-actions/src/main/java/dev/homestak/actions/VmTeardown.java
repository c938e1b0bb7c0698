package dev.homestak.actions;

import java.util.List;
import java.util.Objects;

/**
 * What a destroy of several VMs that tries every VM did ({@link DestroyVmsAction},
 * {@link DestroyProvisionedVmsAction#teardown()}): the VMs removed, the VMs left alone because their
 * id holds a VM of another name, and a failure per VM that could not be removed. A VM that was not
 * there is in none of the lists.
 *
 * @param destroyed the VMs removed (or found gone while being removed)
 * @param refused   the VMs whose id holds a VM with another name, which was not touched
 * @param failed    the VMs that could not be removed, each with its reason
 */
public record VmTeardown(List<ProvisionedVm> destroyed, List<ProvisionedVm> refused, List<VmFailure> failed) {

    /** Copies the lists. */
    public VmTeardown {
        destroyed = List.copyOf(Objects.requireNonNull(destroyed, "destroyed"));
        refused = List.copyOf(Objects.requireNonNull(refused, "refused"));
        failed = List.copyOf(Objects.requireNonNull(failed, "failed"));
    }

    /** True when no VM failed. */
    public boolean ok() {
        return failed.isEmpty();
    }

    /** {@code VM <id> (<name>)} of each VM removed. */
    public List<String> destroyedLabels() {
        return destroyed.stream().map(ProvisionedVm::label).toList();
    }
}
