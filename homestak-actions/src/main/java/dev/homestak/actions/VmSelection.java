package dev.homestak.actions;

import dev.homestak.core.Key;
import dev.homestak.core.ResolvedEnv;
import java.util.List;
import java.util.Objects;

/**
 * Which VMs a {@link DestroyVmsAction} removes: a list given in code, the VM whose id is in a fact, the VMs a
 * provisioner reported ({@code provisioned_vms}), the VMs a discovery found ({@code discovered_vms}, by name
 * pattern, id range and tag or run), or the VMs of a resolved env.
 */
public sealed interface VmSelection {

    /** Exactly {@code vms}, by id and expected name. */
    static VmSelection listed(List<ProvisionedVm> vms) {
        return new Listed(vms);
    }

    /** [DestroyVMAction] The one VM whose id is in {@code vmIdKey} (a fact, else a host attribute). */
    static VmSelection byKey(Key<Integer> vmIdKey) {
        return new ByKey(vmIdKey);
    }

    /** The VMs of fact {@code provisioned_vms} ({@link ActionKeys#PROVISIONED_VMS}). */
    static VmSelection provisioned() {
        return new Provisioned(ActionKeys.PROVISIONED_VMS);
    }

    /** [DestroyDiscoveredVMsAction] The VMs of fact {@code discovered_vms}, each on the node it was found on. */
    static VmSelection discovered() {
        return new Discovered(ActionKeys.DISCOVERED_VMS);
    }

    /**
     * The VMs of {@code env} on its host (the API counterpart of {@link TofuDestroyAction}): a VM's id is taken
     * from {@code <vmname>_vm_id}, then the run's VM-id overrides, then the env; a VM without an id is looked up
     * by name on the node, and one not found there is already gone.
     */
    static VmSelection env(ResolvedEnv env) {
        return new Env(env);
    }

    /** What the selection names, for descriptions and messages. */
    String describe();

    /**
     * Exactly these VMs.
     *
     * @param vms the VMs, by id and expected name
     */
    record Listed(List<ProvisionedVm> vms) implements VmSelection {

        /** Copies {@code vms}. */
        public Listed {
            vms = List.copyOf(Objects.requireNonNull(vms, "vms"));
        }

        @Override
        public String describe() {
            return vms.stream().map(ProvisionedVm::label).toList().toString();
        }
    }

    /**
     * The VM whose id is in a fact; it has no expected name (its name in results is the key's name).
     *
     * @param vmIdKey the fact (or host attribute) holding the VM id
     */
    record ByKey(Key<Integer> vmIdKey) implements VmSelection {

        /** Validates components. */
        public ByKey {
            Objects.requireNonNull(vmIdKey, "vmIdKey");
        }

        @Override
        public String describe() {
            return vmIdKey.name();
        }
    }

    /**
     * The VMs a provisioner reported.
     *
     * @param fact the fact with the VMs ({@link ActionKeys#PROVISIONED_VMS})
     */
    record Provisioned(Key<List<ProvisionedVm>> fact) implements VmSelection {

        /** Validates components. */
        public Provisioned {
            Objects.requireNonNull(fact, "fact");
        }

        @Override
        public String describe() {
            return fact.name();
        }
    }

    /**
     * The VMs a discovery found.
     *
     * @param fact the fact with the VMs ({@link ActionKeys#DISCOVERED_VMS})
     */
    record Discovered(Key<List<DiscoveredVm>> fact) implements VmSelection {

        /** Validates components. */
        public Discovered {
            Objects.requireNonNull(fact, "fact");
        }

        @Override
        public String describe() {
            return fact.name();
        }
    }

    /**
     * The VMs of a resolved env, on the env's host.
     *
     * @param env the env resolved for the node
     */
    record Env(ResolvedEnv env) implements VmSelection {

        /** Validates components. */
        public Env {
            Objects.requireNonNull(env, "env");
        }

        @Override
        public String describe() {
            return "env " + env.env();
        }
    }
}
