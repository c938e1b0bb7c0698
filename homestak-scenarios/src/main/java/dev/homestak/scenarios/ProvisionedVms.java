package dev.homestak.scenarios;

import dev.homestak.actions.ActionContext;
import dev.homestak.actions.ActionFailure;
import dev.homestak.actions.ActionKeys;
import dev.homestak.actions.ProvisionedVm;
import dev.homestak.core.Facts;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The VMs a start or wait phase acts on: one VM by name (fact {@code <vm>_vm_id}), or every entry of
 * {@code provisioned_vms}. (The actions module parses {@code provisioned_vms} the same way in
 * {@code ProvisionedVm.from}, which is not public; the phases need the entries to act on each VM by name.)
 */
final class ProvisionedVms {

    private ProvisionedVms() {
    }

    /** The VM named {@code vmName}, or all provisioned ones when empty. */
    static Either<ActionFailure, List<ProvisionedVm>> select(ActionContext ctx, Optional<String> vmName) {
        if (vmName.isPresent()) {
            return ctx.require(Facts.vmIdKey(vmName.get())).map(id -> List.of(new ProvisionedVm(vmName.get(), id)));
        }
        if (!(ctx.facts().raw(ActionKeys.PROVISIONED_VMS).orElse(null) instanceof List<?> list)) {
            return Either.left(new ActionFailure.Precondition("No " + ActionKeys.PROVISIONED_VMS + " in context"));
        }
        List<ProvisionedVm> vms = new ArrayList<>();
        for (Object entry : list) {
            if (!(entry instanceof Map<?, ?> m) || !(m.get("name") instanceof String name)
                    || !(m.get("vmid") instanceof Number id)) {
                return Either.left(new ActionFailure.Precondition(ActionKeys.PROVISIONED_VMS
                        + " has an entry without a name and a numeric vmid: " + entry));
            }
            vms.add(new ProvisionedVm(name, id.intValue()));
        }
        return Either.right(List.copyOf(vms));
    }
}
