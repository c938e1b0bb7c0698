package dev.homestak.actions;

import dev.homestak.core.Facts;
import io.vavr.control.Either;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the {@code provisioned_vms} fact ({@code {name, vmid}}), as both provisioners write it.
 *
 * @param name  the VM's name in the env
 * @param vmid  its id
 */
public record ProvisionedVm(String name, int vmid) {

    /** Validates components. */
    public ProvisionedVm {
        Objects.requireNonNull(name, "name");
    }

    /** The fact's JSON form, {@code {name, vmid}}. */
    public Map<String, Object> asMap() {
        return Map.of("name", name, "vmid", vmid);
    }

    /** {@code VM <vmid> (<name>)}, as messages name a VM. */
    public String label() {
        return "VM " + vmid + " (" + name + ")";
    }

    /** An entry read back from the fact's JSON form. */
    static ProvisionedVm fromJson(Object entry) {
        if (!(entry instanceof Map<?, ?> m)
                || !(m.get("name") instanceof String name)
                || !(m.get("vmid") instanceof Number id)) {
            throw new IllegalStateException("has an entry without a name and a numeric vmid: " + entry);
        }
        return new ProvisionedVm(name, id.intValue());
    }

    /**
     * The entries of fact {@code provisioned_vms} in {@code facts}, or the original's
     * {@code No provisioned_vms in context}; an entry without a name and a numeric id is a precondition failure.
     */
    public static Either<ActionFailure, List<ProvisionedVm>> from(Facts facts) {
        return ActionContext.requireFact(facts, ActionKeys.PROVISIONED_VMS);
    }

    /** {@code <vmname>_vm_id} per VM and {@code provisioned_vms}: the facts every provisioner reports. */
    static Facts facts(List<ProvisionedVm> vms) {
        Facts facts = Facts.empty();
        for (ProvisionedVm vm : vms) {
            facts = facts.with(Facts.vmIdKey(vm.name()), vm.vmid());
        }
        return facts.with(ActionKeys.PROVISIONED_VMS, vms);
    }
}
