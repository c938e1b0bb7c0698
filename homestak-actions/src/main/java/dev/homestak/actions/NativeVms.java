package dev.homestak.actions;

import dev.homestak.core.ResolvedVm;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The VMs of an env with the {@code --vm-id} overrides applied, as both provisioners see them. */
final class NativeVms {

    private NativeVms() {}

    /** {@code vms} with the ids of {@code overrides} ({@code {vmname: vmid}}, {@link RunControl#vmIdOverrides()}) put in. */
    static List<ResolvedVm> withOverrides(List<ResolvedVm> vms, Map<String, Integer> overrides) {
        return vms.stream()
                .map(vm -> overrides.containsKey(vm.name()) ? withVmid(vm, overrides.get(vm.name())) : vm)
                .toList();
    }

    private static ResolvedVm withVmid(ResolvedVm vm, int vmid) {
        Map<String, Object> attributes = new LinkedHashMap<>(vm.attributes());
        attributes.put("vmid", vmid);
        return new ResolvedVm(attributes);
    }
}
