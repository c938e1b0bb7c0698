package dev.homestak.actions;

import dev.homestak.core.Facts;
import dev.homestak.core.ResolvedVm;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The VMs of an env with {@code vm_id_overrides} applied, as both provisioners see them. */
final class NativeVms {

    private NativeVms() {
    }

    /** {@code vms} with the ids of {@code vm_id_overrides} ({@code {vmname: vmid}}) put in. */
    static List<ResolvedVm> withOverrides(List<ResolvedVm> vms, Facts facts) {
        if (!(facts.raw(ActionKeys.VM_ID_OVERRIDES).orElse(null) instanceof Map<?, ?> overrides) || overrides.isEmpty()) {
            return vms;
        }
        return vms.stream().map(vm -> overrides.get(vm.name()) instanceof Number id ? withVmid(vm, id.intValue()) : vm)
                .toList();
    }

    private static ResolvedVm withVmid(ResolvedVm vm, int vmid) {
        Map<String, Object> attributes = new LinkedHashMap<>(vm.attributes());
        attributes.put("vmid", vmid);
        return new ResolvedVm(attributes);
    }
}
