package dev.homestak.actions;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link DestroyVmsAction} did, VM by VM (every VM is tried even when another fails): the VMs removed, the
 * VMs that were not there, the VMs left alone because their id holds a VM of another name, and a failure per VM
 * that could not be removed. Each list keeps the selection's order. {@link DestroyVmsAction#summary()} says the
 * same as one message.
 *
 * @param destroyed the VMs removed
 * @param absent    the VMs that were not there (already destroyed)
 * @param refused   the VMs whose id holds a VM with another name, which was not touched
 * @param failed    the VMs that could not be removed, each with its reason
 */
public record VmTeardown(
        List<ProvisionedVm> destroyed,
        List<ProvisionedVm> absent,
        List<ProvisionedVm> refused,
        List<VmFailure> failed) {

    /** Copies the lists. */
    public VmTeardown {
        destroyed = List.copyOf(Objects.requireNonNull(destroyed, "destroyed"));
        absent = List.copyOf(Objects.requireNonNull(absent, "absent"));
        refused = List.copyOf(Objects.requireNonNull(refused, "refused"));
        failed = List.copyOf(Objects.requireNonNull(failed, "failed"));
    }

    /** Nothing to remove. */
    public static VmTeardown none() {
        return new VmTeardown(List.of(), List.of(), List.of(), List.of());
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
